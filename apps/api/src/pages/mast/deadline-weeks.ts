import { addDays, type IsoDate } from '@app/domain';
import type { DeadlineState } from '@app/projections';
import { type BarChart, barChart, tally } from '../charts/bar-chart';

/** The most recent weeks the chart shows: a quarter of panels. */
export const WEEKS_SHOWN = 12;

const weekLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** The Monday of the week a day falls in. */
export const weekOf = (day: IsoDate): IsoDate => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

const SERIES = [
  { key: 'met', label: 'met', tone: 'green' },
  { key: 'breached', label: 'breached', tone: 'red' },
  { key: 'overdue', label: 'overdue, not yet met', tone: 'purple' },
] as const;

/**
 * The co-ordinator's deadlines (responses to schools and first contacts) by the week they
 * fell due: how many were met, breached, or are overdue and still open. Deadlines still due
 * are not counted: nothing is known of them yet. Every week from the first to the last is
 * drawn, the latest WEEKS_SHOWN of them.
 */
export function deadlineWeeks(
  deadlines: ReadonlyArray<{ readonly dueBy: IsoDate; readonly state: DeadlineState }>,
): BarChart {
  const counted = deadlines.filter((d) => d.state !== 'due').map((d) => ({ week: weekOf(d.dueBy), state: d.state }));
  const weeks: IsoDate[] = [];
  if (counted.length) {
    const last = counted.reduce((a, d) => (d.week > a ? d.week : a), counted[0].week);
    const first = counted.reduce((a, d) => (d.week < a ? d.week : a), counted[0].week);
    for (let week = last; week >= first && weeks.length < WEEKS_SHOWN; week = addDays(week, -7)) weeks.unshift(week);
  }
  return barChart(
    weeks.map((week) => ({ key: week, label: `w/c ${weekLabel.format(new Date(`${week}T00:00:00Z`))}` })),
    SERIES,
    tally(counted, (d) => [d.week, d.state]),
  );
}
