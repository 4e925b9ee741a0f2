import { type BarChart, barChart, tally } from '../charts/bar-chart';

/** A disclosure as the chart counts it: when, to whom, on what basis. */
export interface CountedDisclosure {
  readonly disclosedAt: Date;
  readonly recipientAgencyId: string;
  readonly basis: { readonly kind?: string; readonly ground?: string } | null;
}

export interface DisclosureChart {
  readonly chart: BarChart;
  /** The numbers in more detail than the bars: month, agency, basis, count. */
  readonly rows: ReadonlyArray<{
    readonly month: string;
    readonly agencyId: string;
    readonly basis: string;
    readonly count: number;
  }>;
}

/** The basis in words: consent, or the Box 13 ground a disclosure without consent rests on. */
export const basisOf = (basis: CountedDisclosure['basis']): string =>
  basis?.kind === 'without-consent'
    ? `without consent (${(basis.ground ?? 'no ground').replace(/-/g, ' ')})`
    : (basis?.kind ?? 'none recorded').replace(/-/g, ' ');

const monthLabel = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthOf = (at: Date) => at.toISOString().slice(0, 7);

/**
 * The dpo's disclosures by basis and agency by month: a group of bars per month, one bar per
 * basis, and the table behind them by agency too. Months are UTC calendar months.
 */
export function disclosureChart(entries: readonly CountedDisclosure[]): DisclosureChart {
  const counted = entries.map((e) => ({
    month: monthOf(e.disclosedAt),
    agencyId: e.recipientAgencyId,
    basis: basisOf(e.basis),
  }));
  const months = [...new Set(counted.map((e) => e.month))].sort();
  const bases = [...new Set(counted.map((e) => e.basis))].sort();
  const chart = barChart(
    months.map((month) => ({ key: month, label: monthLabel.format(new Date(`${month}-01T00:00:00Z`)) })),
    bases.map((basis) => ({ key: basis, label: basis })),
    tally(counted, (e) => [e.month, e.basis]),
  );
  const byRow = tally(counted, (e) => [JSON.stringify([e.month, e.agencyId]), e.basis]);
  const rows = [...new Map(counted.map((e) => [JSON.stringify([e.month, e.agencyId, e.basis]), e])).values()]
    .map((e) => ({ ...e, count: byRow(JSON.stringify([e.month, e.agencyId]), e.basis) }))
    .sort(
      (a, b) =>
        a.month.localeCompare(b.month) || a.agencyId.localeCompare(b.agencyId) || a.basis.localeCompare(b.basis),
    );
  return { chart, rows };
}
