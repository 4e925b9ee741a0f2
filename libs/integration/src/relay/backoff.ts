/** Exponential backoff with full jitter: base·2^(failures-1), capped, never zero. */
export function backoffDelay(
  failures: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.max(baseMs / 2, Math.round(ceiling * (0.5 + random() / 2)));
}

/** A sleep that `wake()` ends early (stop, or new work). */
export class Pause {
  private timer: NodeJS.Timeout | null = null;
  private resolve: (() => void) | null = null;

  for(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.resolve = resolve;
      this.timer = setTimeout(() => this.wake(), ms);
    });
  }

  wake(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const resolve = this.resolve;
    this.resolve = null;
    resolve?.();
  }
}
