/** Sizes of one benchmark run; every one can be changed through the environment. */
export interface BenchConfig {
  /** Events written by each single-event append workload (rounded to whole appends per stream). */
  readonly events: number;
  /** Events written by each 10-event append workload: more, so they run long enough to time. */
  readonly batchEvents: number;
  /** Streams written concurrently by the concurrent workloads. */
  readonly streams: number;
  /** Events per page when reading all. */
  readonly pageSize: number;
  /** Connections each subject may use (pg pool size). */
  readonly poolSize: number;
  /** Single appends before measuring (connections, JIT, schema creation). */
  readonly warmup: number;
  readonly subjects: readonly string[];
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

export const SUBJECTS = ['plain-insert', 'platform', 'emmett'] as const;

export function loadBenchConfig(): BenchConfig {
  const subjects = (process.env.BENCH_SUBJECTS ?? SUBJECTS.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = subjects.filter((s) => !(SUBJECTS as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw new Error(`BENCH_SUBJECTS: unknown ${unknown.join(', ')} (known: ${SUBJECTS.join(', ')})`);
  return {
    events: positive('BENCH_EVENTS', 5000),
    batchEvents: positive('BENCH_BATCH_EVENTS', 20000),
    streams: Math.max(1, positive('BENCH_STREAMS', 50)),
    pageSize: Math.max(1, positive('BENCH_PAGE_SIZE', 1000)),
    poolSize: Math.max(1, positive('BENCH_POOL_SIZE', 20)),
    warmup: positive('BENCH_WARMUP', 200),
    subjects,
  };
}
