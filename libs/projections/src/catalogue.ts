import type { Projection } from './projection';
import { childRecordsProjection } from './children/child-records.projection';

/** Every projection the platform runs, one line per read model. */
export const platformProjections: readonly Projection[] = [
  childRecordsProjection,
];
