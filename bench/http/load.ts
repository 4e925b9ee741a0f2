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
  /**
   * Read-your-writes: after one in `every` answers that create something (a 201 with a
   * `Location`), GET that location until it answers 200, for at most `giveUpSeconds`.
   */
  readonly readBack?: { readonly every: number; readonly giveUpSeconds: number };
}

/** From a 201 arriving to the first 200 of a GET of its `Location`. */
export interface ReadBackResult {
  /** Created things whose location was read back (the sample). */
  readonly sampled: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Not answered 200 within `giveUpSeconds` of their 201. */
  readonly notReadable: number;
  /** Read back, but not on the first GET: the 201 came before the read side had the write. */
  readonly retried: number;
  /** What those first GETs answered instead of 200 (status or transport failure), counted by kind. */
  readonly firstAnswers: Record<string, number>;
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
  /** Only when the step asked for `readBack`. */
  readonly readBack?: ReadBackResult;
}
