import { systemClock } from '@app/composition';
// The relay benchmark (`npm run bench:relay`): messages/s from the outbox to Kafka, through
// the real OutboxRelay and kafkajs publisher (idempotent, one request in flight, acks all),
// for several claim batch sizes. PostgreSQL: DATABASE_URL's server or a throwaway embedded
// one; Kafka: KAFKA_BROKERS or the broker scripts/kafka.sh starts. See docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { Client, Pool } from 'pg';
import { createKafka } from '@app/integration';
import { KafkaPublisher } from '@app/integration';
import { ensureTopics } from '@app/integration';
import { pseudonymousChildId } from '@app/integration';
import { OutboxRelay } from '@app/integration';
import { createDataSource, migrate } from '@app/platform';
import { provideServer } from '../event-store/database';
import { runBench } from '../support/run-bench';
import { platformSchema } from '@app/composition';

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

const whole = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return Number(raw);
};

const messages = whole('BENCH_RELAY_MESSAGES', 20_000);
const children = whole('BENCH_RELAY_CHILDREN', 500);
const batchSizes = (process.env.BENCH_RELAY_BATCHES ?? '50,200,1000').split(',').map((b) => Number(b.trim()));

function provideBroker(): { brokers: string[]; stop(): void } {
  if (process.env.KAFKA_BROKERS) return { brokers: process.env.KAFKA_BROKERS.split(','), stop: () => undefined };
  progress('starting the Kafka broker (scripts/kafka.sh)');
  const started = spawnSync('bash', ['scripts/kafka.sh', 'start'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (started.status !== 0) throw new Error('the Kafka broker did not start');
  return {
    brokers: [started.stdout.trim().split('\n').pop() as string],
    stop: () => void spawnSync('bash', ['scripts/kafka.sh', 'stop'], { stdio: 'inherit' }),
  };
}

/** `count` valid consent-withdrawn.v1 rows on `topic`, spread over `children` keys, in one statement. */
async function fillOutbox(pool: Pool, topic: string, count: number): Promise<void> {
  const key = randomBytes(32);
  const refs = Array.from({ length: children }, (_, i) => pseudonymousChildId(key, `child-${i}`));
  await pool.query(
    `INSERT INTO integration.outbox (event_id, integration_type, topic, key, headers, payload)
     SELECT id, 'consent-withdrawn', $1, ref,
            jsonb_build_object('event-id', id, 'event-type', 'consent-withdrawn', 'schema-version', '1', 'correlation-id', id),
            jsonb_build_object('childRef', ref, 'consentId', 'consent-' || n, 'withdrawnAt', '2025-11-20T10:00:00.000Z',
                               'withdrawnBy', jsonb_build_object('kind', 'parent-carer', 'relationship', 'mother'),
                               'occurredAt', '2025-11-20T10:00:00.000Z')
       FROM (SELECT n, gen_random_uuid() AS id, ($2::text[])[1 + n % $3] AS ref FROM generate_series(1, $4) AS n) AS rows`,
    [topic, refs, refs.length, count],
  );
}

async function main(): Promise<void> {
  const server = await provideServer(progress);
  const broker = provideBroker();
  const name = `bench_relay_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const dataSource = createDataSource({ schema: platformSchema, url: url.toString() });
  await dataSource.initialize();
  await migrate(dataSource);
  await dataSource.destroy();
  const pool = new Pool({ connectionString: url.toString(), max: 4 });
  const kafka = createKafka({ brokers: broker.brokers, clientId: 'bench-relay', log: progress });
  const publisher = new KafkaPublisher(kafka);
  const rows: string[] = [];
  try {
    for (const batchSize of batchSizes) {
      const topic = `bench.relay.${randomUUID().slice(0, 8)}.v1`;
      await ensureTopics(kafka, [topic]);
      const relay = new OutboxRelay({ pool, publisher, batchSize, clock: systemClock, log: progress });
      // Warm-up: connection, producer id, topic metadata.
      await fillOutbox(pool, topic, 10);
      await relay.drain();
      await fillOutbox(pool, topic, messages);
      const started = process.hrtime.bigint();
      const published = await relay.drain();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      progress(`batch ${batchSize}: ${published} messages in ${seconds.toFixed(2)} s`);
      rows.push(
        `| ${String(batchSize).padStart(10)} | ${String(published).padStart(8)} | ${seconds.toFixed(2).padStart(6)} | ${Math.round(
          published / seconds,
        )
          .toLocaleString('en-GB')
          .padStart(10)} |`,
      );
      await pool.query('DELETE FROM integration.outbox');
    }
  } finally {
    await publisher.close();
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await server.stop();
    broker.stop();
  }
  process.stdout.write(
    [
      `Relay outbox -> Kafka: ${messages} messages per batch size, ${children} children (keys); ${server.description}; Kafka ${broker.brokers.join(',')}`,
      `Machine: ${cpus().length} vCPU (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`,
      '',
      '| claim batch | messages |      s | messages/s |',
      '|------------:|---------:|-------:|-----------:|',
      ...rows,
      '',
    ].join('\n'),
  );
}

runBench(main);
