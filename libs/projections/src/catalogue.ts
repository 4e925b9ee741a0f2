import type { Projection } from './projection';
import { childRecordsProjection } from './children/child-records.projection';
import { consentScopesProjection } from './consent/consent-scopes.projection';
import { mentorActionPlansProjection } from './referral/mentor-action-plans.projection';
import { mentorCasesProjection } from './referral/mentor-cases.projection';
import { mastRequestsProjection } from './mast/mast-requests.projection';
import { mastDeadlinesProjection } from './mast/mast-deadlines.projection';
import { mastPanelsProjection } from './mast/mast-panels.projection';
import { cafCasesProjection } from './caf/caf-cases.projection';
import { cafFamilyCopiesProjection } from './caf/caf-family-copies.projection';
import { sharingProjection } from './sharing/sharing.projection';
import { concernsProjection } from './concern/concern.projection';
import { schoolMovesProjection } from './school-move/school-move.projection';
import { subjectAccessRequestsProjection } from './subject-access/subject-access-requests.projection';
import { familyLinksProjection } from './family/family-links.projection';
import { competenceAssessmentsProjection } from './family/competence-assessments.projection';
import { retentionReviewsProjection } from './retention/retention-reviews.projection';

/** Every projection the platform runs, one line per read model. */
export const platformProjections: readonly Projection[] = [
  childRecordsProjection,
  mentorCasesProjection,
  mentorActionPlansProjection,
  consentScopesProjection,
  mastRequestsProjection,
  mastDeadlinesProjection,
  mastPanelsProjection,
  cafCasesProjection,
  cafFamilyCopiesProjection,
  sharingProjection,
  concernsProjection,
  schoolMovesProjection,
  subjectAccessRequestsProjection,
  familyLinksProjection,
  competenceAssessmentsProjection,
  retentionReviewsProjection,
];
