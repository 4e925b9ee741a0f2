import 'reflect-metadata';
import { loadConfig } from '@app/platform';
import { createPlatformLogger } from '@app/platform';
import { openPlatform, type PlatformRuntime } from '@app/composition';
import { exitOnStartupFailure } from '@app/platform';
import { traceProcess } from '@app/platform';
import { refuseMismatchedSegments } from '@app/composition';
import { ProjectorShare } from '@app/projections';
import { projectionUnits } from '@app/projections';

/** With PROJECTION_SEGMENTS > 1, this process runs its share of the units beside the other projectors (ADR 027); else every projection. */
async function follow(runtime: PlatformRuntime, log: (line: string) => void): Promise<{ stop(): Promise<void> }> {
  const { config, projections } = runtime;
  await refuseMismatchedSegments(runtime);
  if (config.projectionSegments === 1) {
    await projections.start();
    log(`projector following ${projections.projections.length} projections`);
    return projections;
  }
  const share = new ProjectorShare({
    dataSource: runtime.dataSource,
    store: runtime.eventStore,
    databaseUrl: runtime.databaseUrl,
    units: projectionUnits(projections.projections, config.projectionSegments),
    log,
    // Without its lock session this process may no longer know what it holds: it ends, and is started again.
    onLost: () => process.exit(1),
  });
  await share.start();
  return share;
}

/** Scale-out mode: projections in their own process (run the API with IN_PROCESS_WORKERS=false). */
async function main(): Promise<void> {
  const config = loadConfig();
  const tracing = traceProcess(config, 'projector');
  const logger = createPlatformLogger(config.logLevel);
  const log = (line: string) => logger.info(line);
  const runtime = await openPlatform(config, { log });
  const running = await follow(runtime, log);
  const shutdown = async () => {
    await running.stop();
    await runtime.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch(exitOnStartupFailure('projector'));
