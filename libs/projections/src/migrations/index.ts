import { CreateProjectionCheckpoints1763900000000 } from './1763900000000-create-projection-checkpoints';
import { CreateChildRecords1763900000100 } from './1763900000100-create-child-records';
import { CreateSchoolCasework1764204000100 } from './1764204000100-create-school-casework';
import { CreateConsentScopes1764204000200 } from './1764204000200-create-consent-scopes';
import { CreateMastReadModels1764205000100 } from './1764205000100-create-mast-read-models';
import { CreateCafReadModels1764205000200 } from './1764205000200-create-caf-read-models';
import { CreateSharingReadModels1764206000100 } from './1764206000100-create-sharing-read-models';
import { CreatePendingCorrectionNotices1764206000200 } from './1764206000200-create-pending-correction-notices';
import { DisclosuresOfEveryKind1764206000300 } from './1764206000300-disclosures-of-every-kind';
import { CreateSchoolMoves1765100000000 } from './1765100000000-create-school-moves';
import { CreateSubjectAccessRequests1765200000100 } from './1765200000100-create-subject-access-requests';
import { CreateFamilyLinks1765400000100 } from './1765400000100-create-family-links';
import { CreateRetentionReadModels1765300000100 } from './1765300000100-create-retention-read-models';
import { IndexSchoolListsByPageKey1766300000000 } from './1766300000000-index-school-lists-by-page-key';

export const projectionMigrations = [
  CreateProjectionCheckpoints1763900000000,
  CreateChildRecords1763900000100,
  CreateSchoolCasework1764204000100,
  CreateConsentScopes1764204000200,
  CreateMastReadModels1764205000100,
  CreateCafReadModels1764205000200,
  CreateSharingReadModels1764206000100,
  CreatePendingCorrectionNotices1764206000200,
  DisclosuresOfEveryKind1764206000300,
  CreateSchoolMoves1765100000000,
  CreateSubjectAccessRequests1765200000100,
  CreateFamilyLinks1765400000100,
  CreateRetentionReadModels1765300000100,
  IndexSchoolListsByPageKey1766300000000,
];
