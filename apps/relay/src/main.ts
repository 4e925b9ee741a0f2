import 'reflect-metadata';
import { IntegrationWorkers } from '@app/integration';
import { ConfigError, loadConfig } from '@app/platform';
import { createPlatformLogger } from '@app/platform';
import { openPlatform } from '@app/composition';
import { exitOnStartupFailure } from '@app/platform';
import { traceProcess } from '@app/platform';

/**
 * Scale-out mode: the outbox relay and the inbound consumers in their own process (run the
 * API with IN_PROCESS_WORKERS=false). Several may run: one relays at a time (advisory
 * lock), and the consumers share the topic's partitions as one consumer group.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.kafkaBrokers)
    throw new ConfigError('KAFKA_BROKERS', 'is required by the relay (host:port, comma-separated)');
  const tracing = traceProcess(config, 'relay');
  const logger = createPlatformLogger(config.logLevel);
  const log = (line: string) => logger.info(line);
  const runtime = await openPlatform(config, { log });
  const workers = await IntegrationWorkers.start({
    pool: runtime.pool,
    eventStore: runtime.eventStore,
    brokers: config.kafkaBrokers,
    clientId: config.kafkaClientId,
    log,
    clock: runtime.clock,
  });
  const shutdown = async () => {
    await workers.stop();
    await runtime.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch(exitOnStartupFailure('relay'));
