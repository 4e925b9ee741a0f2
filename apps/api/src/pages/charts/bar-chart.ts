/** The colours a series may take (styles/app.scss), each at least 3:1 against the page. */
export const TONES = ['brand', 'red', 'green', 'grey', 'purple'] as const;
export type Tone = (typeof TONES)[number];

export interface Series {
  readonly key: string;
  readonly label: string;
  readonly tone?: Tone;
}

export interface Group {
  readonly key: string;
  /** Short, for the axis. */
  readonly label: string;
  /** In full, for the table, when the axis' label is shortened. */
  readonly description?: string;
}

export interface Bar {
  readonly series: string;
  readonly label: string;
  readonly tone: Tone;
  readonly count: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Bars the server draws in SVG (views/partials/bar-chart.njk), and the same numbers as a table. */
export interface BarChart {
  readonly groups: ReadonlyArray<Group & { readonly x: number; readonly bars: readonly Bar[] }>;
  readonly series: ReadonlyArray<Series & { readonly tone: Tone }>;
  /** One row per group, one count per series in the order of `series`. */
  readonly table: ReadonlyArray<{ readonly group: Group; readonly counts: readonly number[]; readonly total: number }>;
  readonly max: number;
  readonly width: number;
  readonly height: number;
  readonly plotLeft: number;
  readonly plotTop: number;
  readonly plotBottom: number;
}

const PLOT = { top: 20, bottom: 200, left: 40, groupWidth: 120, barGap: 4 };

/**
 * Grouped bars: one group along the axis per `groups` entry (months, weeks, clocks), one bar
 * in each per series, scaled to the largest count. `count` says how many of a series fall in
 * a group; a group or series with nothing still draws (a zero bar), so the axis is the one asked.
 */
export function barChart(
  groups: readonly Group[],
  series: readonly Series[],
  count: (group: string, series: string) => number,
): BarChart {
  const toned = series.map((s, i) => ({ ...s, tone: s.tone ?? TONES[i % TONES.length] }));
  const counts = groups.map((g) => toned.map((s) => count(g.key, s.key)));
  const max = Math.max(1, ...counts.flat());
  const barWidth = (PLOT.groupWidth - PLOT.barGap * (toned.length + 1)) / Math.max(1, toned.length);
  const scale = (PLOT.bottom - PLOT.top) / max;
  return {
    groups: groups.map((group, g) => {
      const x = PLOT.left + g * PLOT.groupWidth;
      return {
        ...group,
        x: x + PLOT.groupWidth / 2,
        bars: toned.map((s, b) => {
          const height = Math.round(counts[g][b] * scale);
          return {
            series: s.key,
            label: s.label,
            tone: s.tone,
            count: counts[g][b],
            x: Math.round(x + PLOT.barGap + b * (barWidth + PLOT.barGap)),
            y: PLOT.bottom - height,
            width: Math.round(barWidth),
            height,
          };
        }),
      };
    }),
    series: toned,
    table: groups.map((group, g) => ({ group, counts: counts[g], total: counts[g].reduce((a, b) => a + b, 0) })),
    max,
    width: PLOT.left + Math.max(1, groups.length) * PLOT.groupWidth + 10,
    height: PLOT.bottom + 40,
    plotLeft: PLOT.left - 4,
    plotTop: PLOT.top,
    plotBottom: PLOT.bottom,
  };
}

/** Counts by a pair of keys, for `barChart`'s `count`. */
export function tally<T>(
  items: readonly T[],
  keyOf: (item: T) => readonly [string, string],
): (group: string, series: string) => number {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = JSON.stringify(keyOf(item));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (group, series) => counts.get(JSON.stringify([group, series])) ?? 0;
}
