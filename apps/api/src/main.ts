import 'reflect-metadata';
import { IntegrationWorkers } from '@app/integration';
import { loadConfig } from '@app/platform';
import { createPlatformLogger } from '@app/platform';
import { openPlatform } from '@app/composition';
import { refuseMismatchedSegments } from '@app/composition';
import { exitOnStartupFailure } from '@app/platform';
import { traceProcess } from '@app/platform';
import { createApiApplication } from './bootstrap';

/**
 * Single-process mode (the default): API, projections and, with KAFKA_BROKERS, the relay
 * in one process, on an embedded PostgreSQL unless DATABASE_URL is set.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // First, so every span of the start-up and after has a provider.
  const tracing = traceProcess(config, 'api');
  // One JSON-lines logger for the process: the runtime's and the relay's lines too, at LOG_LEVEL.
  const logger = createPlatformLogger(config.logLevel);
  const log = (line: string) => logger.info(line);
  const runtime = await openPlatform(config, { log });
  if (config.inProcessWorkers) {
    await refuseMismatchedSegments(runtime);
    await runtime.projections.start();
  }
  const integration =
    config.inProcessWorkers && config.kafkaBrokers
      ? await IntegrationWorkers.start({
          pool: runtime.pool,
          eventStore: runtime.eventStore,
          brokers: config.kafkaBrokers,
          clientId: config.kafkaClientId,
          log,
          clock: runtime.clock,
        })
      : null;
  const app = await createApiApplication(runtime, { integration, logger });
  app.enableShutdownHooks();
  const shutdown = async () => {
    await app.close();
    await integration?.stop();
    await runtime.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen(config.port, config.host);
  logger.info(`API listening on http://${config.host}:${config.port} (OpenAPI at /docs, readiness at /health/ready)`);
}

main().catch(exitOnStartupFailure('start-up'));
