import { ChildRecord } from './children/child-record.entity';
import { MastRequestRow } from './mast/mast-request-row.entity';
import { MastDeadlineRow } from './mast/mast-deadline-row.entity';
import { MastPanelRow } from './mast/mast-panel-row.entity';
import { MastAgendaItem } from './mast/mast-agenda-item.entity';
import { CafCase } from './caf/caf-case.entity';
import { CafTeamMember } from './caf/caf-team-member.entity';
import { CafAction } from './caf/caf-action.entity';
import { CafContribution } from './caf/caf-contribution.entity';
import { CafFamilyCopy } from './caf/caf-family-copy.entity';

/** Every read-model entity, one line per read model. */
export const projectionEntities = [
  ChildRecord,
  MastRequestRow, MastDeadlineRow, MastPanelRow, MastAgendaItem,
  CafCase, CafTeamMember, CafAction, CafContribution, CafFamilyCopy,
];
