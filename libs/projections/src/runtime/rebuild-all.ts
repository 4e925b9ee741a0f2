import type { DataSource } from 'typeorm';
import { progressBar } from './progress-bar';
import type { ProjectionRunner } from './projection-runner';

/** Replays the log into every named projection (all when none is named), one after the other, with a progress bar each. */
export async function rebuildProjections(runner: ProjectionRunner, dataSource: DataSource, names: readonly string[] = []): Promise<void> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM event_store.events`);
  for (const projection of runner.projections.filter((p) => names.length === 0 || names.includes(p.name))) {
    await runner.rebuild(projection, progressBar(projection.name.padEnd(28), count));
  }
}
