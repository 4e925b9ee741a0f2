import { ChildRecord } from './children/child-record.entity';
import { ConsentScopeRow } from './consent/consent-scope.entity';
import { MentorActionPlan } from './referral/mentor-action-plan.entity';
import { MentorCase } from './referral/mentor-case.entity';
import { MentorCaseTarget } from './referral/mentor-case-target.entity';
import { MastRequestRow } from './mast/mast-request-row.entity';
import { MastDeadlineRow } from './mast/mast-deadline-row.entity';
import { MastPanelRow } from './mast/mast-panel-row.entity';
import { MastAgendaItem } from './mast/mast-agenda-item.entity';
import { CafCase } from './caf/caf-case.entity';
import { CafTeamMember } from './caf/caf-team-member.entity';
import { CafAction } from './caf/caf-action.entity';
import { CafContribution } from './caf/caf-contribution.entity';
import { CafFamilyCopy } from './caf/caf-family-copy.entity';
import { FamilyLinkRow } from './family/family-link.entity';
import { CompetenceAssessmentRow } from './family/competence-assessment.entity';

/** Every read-model entity, one line per read model. */
export const projectionEntities = [
  ChildRecord,
  MentorCase,
  MentorActionPlan,
  MentorCaseTarget,
  ConsentScopeRow,
  MastRequestRow,
  MastDeadlineRow,
  MastPanelRow,
  MastAgendaItem,
  CafCase,
  CafTeamMember,
  CafAction,
  CafContribution,
  CafFamilyCopy,
  FamilyLinkRow,
  CompetenceAssessmentRow,
];
