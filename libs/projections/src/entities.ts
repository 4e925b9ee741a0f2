import { ChildRecord } from './children/child-record.entity';
import { ConsentScopeRow } from './consent/consent-scope.entity';
import { MentorActionPlan } from './school/mentor-action-plan.entity';
import { MentorCase } from './school/mentor-case.entity';
import { MentorCaseTarget } from './school/mentor-case-target.entity';

/** Every read-model entity, one line per read model. */
export const projectionEntities = [ChildRecord, MentorCase, MentorActionPlan, MentorCaseTarget, ConsentScopeRow];
