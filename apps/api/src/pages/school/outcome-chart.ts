/** One measure at referral against exit, as bars the outcomes page draws in SVG (no script, no image). */
export interface OutcomeBars {
  readonly title: string;
  readonly unit: string;
  readonly width: number;
  readonly height: number;
  readonly bars: ReadonlyArray<{
    readonly label: string;
    readonly value: number;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly kind: 'referral' | 'exit';
  }>;
}

const WIDTH = 360;
const BAR_AREA = 180;

/**
 * Two bars, at referral and at exit, scaled to `max` (100 for attendance, else the larger
 * value). Null when nothing was measured: the table says so and no chart is drawn.
 */
export function outcomeBars(
  title: string,
  unit: string,
  atReferral: number | null,
  atExit: number | null,
  max?: number,
): OutcomeBars | null {
  if (atReferral === null || atExit === null) return null;
  const top = max ?? Math.max(atReferral, atExit, 1);
  const barWidth = 90;
  const bar = (label: string, value: number, index: number, kind: 'referral' | 'exit') => {
    const height = Math.round((value / top) * BAR_AREA);
    return {
      label,
      value: Math.round(value * 10) / 10,
      x: 60 + index * 150,
      y: 20 + BAR_AREA - height,
      width: barWidth,
      height,
      kind,
    };
  };
  return {
    title,
    unit,
    width: WIDTH,
    height: BAR_AREA + 60,
    bars: [bar('At referral', atReferral, 0, 'referral'), bar('At exit', atExit, 1, 'exit')],
  };
}
