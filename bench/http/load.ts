/** What the parent asks the load driver to do, and what it answers: one step of one path. */
export interface LoadStep {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Requests a second, scheduled evenly; null: unconstrained (closed loop on `connections`). */
  readonly rate: number | null;
  readonly seconds: number;
  readonly connections: number;
  /** Requests still open after the schedule ends are waited for this long, then counted as errors. */
  readonly drainSeconds: number;
}

export interface LoadResult {
  readonly sent: number;
  readonly completed: number;
  readonly errors: number;
  /** Status codes other than the expected 2xx, and transport failures, counted by kind. */
  readonly failures: Record<string, number>;
  /** Completed requests a second over the step (from its start to its last completion). */
  readonly achieved: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Most requests open at once. */
  readonly peakOpen: number;
}
