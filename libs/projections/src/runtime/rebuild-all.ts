import type { DataSource } from 'typeorm';
import { progressBar } from './progress-bar';
import type { ProjectionRunner } from './projection-runner';

/** Events a full rebuild reads at once: large batches are what set-based applying feeds on. */
const REBUILD_BATCH = 2000;

/** Replays the log once into every named projection (all when none is named), together, with a progress bar. */
export async function rebuildProjections(
  runner: ProjectionRunner,
  dataSource: DataSource,
  names: readonly string[] = [],
): Promise<void> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM event_store.events`);
  const chosen = runner.projections.filter((p) => names.length === 0 || names.includes(p.name));
  await runner.rebuildTogether(chosen, progressBar(`${chosen.length} projection(s)`.padEnd(28), count), REBUILD_BATCH);
}
