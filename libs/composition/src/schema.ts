import type { MixedList } from 'typeorm';
import type { DatabaseSchema } from '@app/platform/database/data-source';
import { accessMigrations } from '@app/access/migrations';
import { eventStoreMigrations } from '@app/event-store/postgres/migrations';
import { projectionMigrations } from '@app/projections/migrations';
import { integrationMigrations } from '@app/integration/migrations';
import { projectionEntities } from '@app/projections/entities';
import { CreateIdempotencyKeys1764300000100 } from '@app/platform/idempotency/migrations/1764300000100-create-idempotency-keys';

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
