/**
 * A one-line progress display for long rebuilds: redrawn in place on a terminal,
 * printed every 10% when the output is a log file.
 */
export function progressBar(
  label: string,
  total: number,
  out: NodeJS.WriteStream = process.stderr,
): (done: number) => void {
  const started = Date.now();
  let lastDecile = -1;
  return (done: number) => {
    const fraction = total === 0 ? 1 : Math.min(1, done / total);
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    const text = `${label} ${'#'.repeat(Math.round(fraction * 30)).padEnd(30, '.')} ${(fraction * 100).toFixed(0).padStart(3)}% ${done}/${total} events ${rate.toFixed(0)}/s`;
    if (out.isTTY) {
      out.write(`\r${text}${fraction >= 1 ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      out.write(`${text}\n`);
    }
  };
}
