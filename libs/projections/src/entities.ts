import { ChildRecord } from './children/child-record.entity';
import { MastRequestRow } from './mast/mast-request-row.entity';
import { MastDeadlineRow } from './mast/mast-deadline-row.entity';
import { MastPanelRow } from './mast/mast-panel-row.entity';
import { MastAgendaItem } from './mast/mast-agenda-item.entity';

/** Every read-model entity, one line per read model. */
export const projectionEntities = [
  ChildRecord,
  MastRequestRow, MastDeadlineRow, MastPanelRow, MastAgendaItem,
];
