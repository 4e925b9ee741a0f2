import type { ErrorCatalogue } from './shared/errors-catalogue';
import { cafErrors } from './caf/errors';
import { childErrors } from './child/errors';
import { concernErrors } from './concern/errors';
import { consentErrors } from './consent/errors';
import { familyErrors } from './family/errors';
import { mastPanelErrors } from './mast-panel/errors';
import { mastRequestErrors } from './mast-request/errors';
import { referralErrors } from './referral/errors';
import { retentionErrors } from './retention/errors';
import { schoolMoveErrors } from './school-move/errors';
import { sharedErrors } from './shared/errors';
import { sharingErrors } from './sharing/errors';
import { socialCareCaseErrors } from './social-care-case/errors';
import { subjectAccessErrors } from './subject-access/errors';

/** Every rule a decider can refuse a command by, feature by feature (documented in the OpenAPI). */
export const errorCatalogues: Readonly<Record<string, ErrorCatalogue>> = {
  caf: cafErrors,
  child: childErrors,
  concern: concernErrors,
  consent: consentErrors,
  family: familyErrors,
  'mast-panel': mastPanelErrors,
  'mast-request': mastRequestErrors,
  referral: referralErrors,
  retention: retentionErrors,
  'school-move': schoolMoveErrors,
  shared: sharedErrors,
  sharing: sharingErrors,
  'social-care-case': socialCareCaseErrors,
  'subject-access': subjectAccessErrors,
};
