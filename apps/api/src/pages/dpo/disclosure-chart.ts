/** A disclosure as the chart counts it: when, to whom, on what basis. */
export interface CountedDisclosure {
  readonly disclosedAt: Date;
  readonly recipientAgencyId: string;
  readonly basis: { readonly kind?: string; readonly ground?: string } | null;
}

export interface ChartBar {
  readonly basis: string;
  readonly count: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DisclosureChart {
  readonly months: ReadonlyArray<{ readonly month: string; readonly label: string; readonly x: number; readonly bars: readonly ChartBar[] }>;
  readonly bases: readonly string[];
  /** The same numbers as a table: month, agency, basis, count. */
  readonly rows: ReadonlyArray<{ readonly month: string; readonly agencyId: string; readonly basis: string; readonly count: number }>;
  readonly max: number;
  readonly width: number;
  readonly height: number;
  readonly plotTop: number;
  readonly plotBottom: number;
}

/** The basis in words: consent, or the Box 13 ground a disclosure without consent rests on. */
export const basisOf = (basis: CountedDisclosure['basis']): string =>
  basis?.kind === 'without-consent' ? `without consent (${(basis.ground ?? 'no ground').replace(/-/g, ' ')})` : (basis?.kind ?? 'none recorded').replace(/-/g, ' ');

const monthLabel = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const PLOT = { top: 20, bottom: 200, left: 40, monthWidth: 120, barGap: 4 };

/**
 * The dpo's disclosures by basis and agency by month, as bars the server draws (one group
 * per month, one bar per basis) and as the table behind them. Months are UTC calendar months.
 */
export function disclosureChart(entries: readonly CountedDisclosure[]): DisclosureChart {
  const counts = new Map<string, number>();
  const byMonthBasis = new Map<string, number>();
  for (const e of entries) {
    const month = e.disclosedAt.toISOString().slice(0, 7);
    const basis = basisOf(e.basis);
    const row = JSON.stringify([month, e.recipientAgencyId, basis]);
    counts.set(row, (counts.get(row) ?? 0) + 1);
    byMonthBasis.set(JSON.stringify([month, basis]), (byMonthBasis.get(JSON.stringify([month, basis])) ?? 0) + 1);
  }
  const months = [...new Set([...byMonthBasis.keys()].map((k) => (JSON.parse(k) as string[])[0]))].sort();
  const bases = [...new Set([...byMonthBasis.keys()].map((k) => (JSON.parse(k) as string[])[1]))].sort();
  const max = Math.max(1, ...byMonthBasis.values());
  const barWidth = (PLOT.monthWidth - PLOT.barGap * (bases.length + 1)) / Math.max(1, bases.length);
  const scale = (PLOT.bottom - PLOT.top) / max;
  return {
    months: months.map((month, m) => {
      const x = PLOT.left + m * PLOT.monthWidth;
      return {
        month,
        label: monthLabel.format(new Date(`${month}-01T00:00:00Z`)),
        x: x + PLOT.monthWidth / 2,
        bars: bases.map((basis, b) => {
          const count = byMonthBasis.get(JSON.stringify([month, basis])) ?? 0;
          const height = Math.round(count * scale);
          return { basis, count, x: Math.round(x + PLOT.barGap + b * (barWidth + PLOT.barGap)), y: PLOT.bottom - height, width: Math.round(barWidth), height };
        }),
      };
    }),
    bases,
    rows: [...counts].map(([key, count]) => {
      const [month, agencyId, basis] = JSON.parse(key) as string[];
      return { month, agencyId, basis, count };
    }).sort((a, b) => a.month.localeCompare(b.month) || a.agencyId.localeCompare(b.agencyId) || a.basis.localeCompare(b.basis)),
    max,
    width: PLOT.left + Math.max(1, months.length) * PLOT.monthWidth + 10,
    height: PLOT.bottom + 40,
    plotTop: PLOT.top,
    plotBottom: PLOT.bottom,
  };
}
