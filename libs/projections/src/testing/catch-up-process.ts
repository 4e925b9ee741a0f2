/**
 * Run as a separate OS process by the crash test: catches a slow projection up from its
 * checkpoint until the test kills it with SIGKILL.
 * env: DATABASE_URL, PROJECTION, TABLE, DELAY_MS.
 */
import 'reflect-metadata';
import { Pool } from 'pg';
import { PostgresEventStore } from '@app/event-store';
import { createDataSource } from '@app/platform';
import { ProjectionRunner } from '../runtime/projection-runner';
import { streamTallyProjection } from './stream-tally.projection';
import { platformSchema } from '@app/composition';

async function main() {
  const url = process.env.DATABASE_URL as string;
  const delay = Number(process.env.DELAY_MS ?? 1);
  const tally = streamTallyProjection(process.env.PROJECTION as string, process.env.TABLE as string);
  const slow = {
    ...tally,
    apply: async (...args: Parameters<typeof tally.apply>) => {
      await new Promise((r) => setTimeout(r, delay));
      await tally.apply(...args);
    },
  };
  const dataSource = createDataSource({ schema: platformSchema, url, poolSize: 2 });
  await dataSource.initialize();
  const pool = new Pool({ connectionString: url, max: 2 });
  const runner = new ProjectionRunner(dataSource, new PostgresEventStore({ pool }), [slow], 20);
  await runner.catchUp(slow);
  process.stdout.write('caught-up\n');
  process.exit(0);
}

void main();
