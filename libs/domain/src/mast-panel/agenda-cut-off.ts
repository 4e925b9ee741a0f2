import type { IsoDate, IsoInstant } from '../shared';
import { addDays } from '../shared/calendar';
import type { WorkingDayCalendar } from '../multi-agency';

/**
 * The configured cut-off for a panel's agenda: requests received by the end of the day
 * that lies `workingDays` working days before the panel. With 2, a Thursday panel takes
 * what reached MAST by Tuesday night; a Monday panel, what arrived by Thursday night.
 */
export function agendaCutOff(calendar: WorkingDayCalendar, panelDate: IsoDate, workingDays: number): IsoInstant {
  let day = panelDate;
  if (workingDays > 0) {
    do day = addDays(day, -1);
    while (calendar.addWorkingDays(day, workingDays) > panelDate);
  }
  return `${day}T23:59:59.999Z`;
}
