import type { MixedList } from 'typeorm';
import type { DatabaseSchema } from '@app/platform';
import { accessMigrations } from '@app/access';
import { eventStoreMigrations } from '@app/event-store';
import { projectionMigrations } from '@app/projections';
import { integrationMigrations } from '@app/integration';
import { projectionEntities } from '@app/projections';
import { CreateIdempotencyKeys1764300000100 } from '@app/platform';

/**
 * Every migration and read-model entity of the platform, one line per library.
 * Migration timestamps are ranged per library so their order is stable:
 * event-store 17638…, projections 17639…, access 17640…, integration 17641…, features 17642…,
 * platform (idempotency keys) 17643….
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const platformMigrations: MixedList<Function> = [
  ...eventStoreMigrations,
  ...projectionMigrations,
  ...accessMigrations,
  ...integrationMigrations,
  CreateIdempotencyKeys1764300000100,
];

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const platformEntities: MixedList<Function> = [...projectionEntities];

/** What the platform's data sources migrate and map. */
export const platformSchema: DatabaseSchema = { migrations: platformMigrations, entities: platformEntities };
