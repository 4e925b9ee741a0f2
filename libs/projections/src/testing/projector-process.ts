/**
 * Run as a separate OS process by the segments test: one projector sharing the units of a
 * per-child tally cut into SEGMENTS segments and of a whole tally with the other projectors
 * on the database, until it is stopped or killed. Its log lines (which units it runs) go to stdout.
 * env: DATABASE_URL, SEGMENTS.
 */
import 'reflect-metadata';
import { Pool } from 'pg';
import { PostgresEventStore } from '@app/event-store';
import { createDataSource } from '@app/platform';
import { ProjectorShare } from '../runtime/projector-share';
import { projectionUnits } from '../runtime/segments';
import { streamTallyProjection } from './stream-tally.projection';
import { platformSchema } from '@app/composition';

async function main() {
  const url = process.env.DATABASE_URL as string;
  const dataSource = createDataSource({ schema: platformSchema, url, poolSize: 4 });
  await dataSource.initialize();
  const pool = new Pool({ connectionString: url, max: 2 });
  const units = projectionUnits(
    [
      { ...streamTallyProjection('tally-by-child', 'tally_by_child'), perChild: true },
      streamTallyProjection('tally-whole', 'tally_whole'),
    ],
    Number(process.env.SEGMENTS),
  );
  const share = new ProjectorShare({
    dataSource,
    store: new PostgresEventStore({ pool, pollIntervalMs: 50 }),
    databaseUrl: url,
    units,
    claimIntervalMs: 200,
    batchSize: 25,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  await share.start();
  process.once('SIGTERM', () => void share.stop().then(() => process.exit(0)));
}

void main();
