import 'reflect-metadata';
import { loadConfig } from '@app/platform/config/config';
import { createPlatformLogger } from '@app/platform/logging/platform-logger';
import { openPlatform } from '@app/platform/runtime/open-platform';
import { exitOnStartupFailure } from '@app/platform/runtime/start-up-failure';
import { traceProcess } from '@app/platform/tracing/process-tracing';

/** Scale-out mode: projections in their own process (run the API with IN_PROCESS_WORKERS=false). */
async function main(): Promise<void> {
  const config = loadConfig();
  const tracing = traceProcess(config, 'projector');
  const logger = createPlatformLogger(config.logLevel);
  const runtime = await openPlatform(config, { log: (line) => logger.info(line) });
  await runtime.projections.start();
  logger.info(`projector following ${runtime.projections.projections.length} projections`);
  const shutdown = async () => {
    await runtime.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch(exitOnStartupFailure('projector'));
