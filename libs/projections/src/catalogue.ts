import type { Projection } from './projection';
import { childRecordsProjection } from './children/child-records.projection';
import { consentScopesProjection } from './consent/consent-scopes.projection';
import { mentorActionPlansProjection } from './school/mentor-action-plans.projection';
import { mentorCasesProjection } from './school/mentor-cases.projection';

/** Every projection the platform runs, one line per read model. */
export const platformProjections: readonly Projection[] = [
  childRecordsProjection,
  mentorCasesProjection,
  mentorActionPlansProjection,
  consentScopesProjection,
];
