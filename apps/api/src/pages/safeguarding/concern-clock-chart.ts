import type { ConcernClock } from '@app/domain';
import { type BarChart, barChart, tally } from '../charts/bar-chart';
import { CLOCK_WORDS } from './concern-words';

const SERIES = [
  { key: 'due', label: 'due', tone: 'brand' },
  { key: 'overdue', label: 'late', tone: 'red' },
  { key: 'breached', label: 'breached', tone: 'purple' },
] as const;

/** A clock's short name, for the axis; the long one (with its timescale) is on the concern. */
const SHORT: Readonly<Record<ConcernClock, string>> = {
  'social-care-decision': 'Decision',
  assessment: 'Assessment',
  'initial-conference': 'Initial conf.',
  'core-group': 'Core group',
  'review-conference': 'Review conf.',
};

/**
 * The DSL's open concerns by the state of their Working Together clocks: for each clock, how
 * many open concerns have it due, late (past its day, not met) or breached (met late, with a
 * reason). Clocks met on time are not counted: there is nothing to act on.
 */
export function concernClockChart(
  concerns: ReadonlyArray<{
    readonly status: string;
    readonly clocks: ReadonlyArray<{ readonly clock: string; readonly state: string }>;
  }>,
): BarChart {
  const clocks = concerns
    .filter((c) => c.status !== 'closed')
    .flatMap((c) => c.clocks)
    .filter((c) => c.state !== 'met');
  const groups = (Object.keys(CLOCK_WORDS) as ConcernClock[]).map((clock) => ({
    key: clock,
    label: SHORT[clock],
    description: CLOCK_WORDS[clock],
  }));
  return barChart(
    groups,
    SERIES,
    tally(clocks, (c) => [c.clock, c.state]),
  );
}
