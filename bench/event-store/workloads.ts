import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { EventToAppend } from '@app/event-store';
import type { BenchConfig } from './config';

/**
 * One thing being measured: our event store, a reference, or the physical baseline.
 * Each keeps its streams' revisions itself, as a caller that has just loaded them would.
 */
export interface Subject {
  append(streamId: string, events: readonly EventToAppend[]): Promise<void>;
  /** Reads the whole log, a page at a time, in log order. */
  readAll(pageSize: number): Promise<ReadCount>;
  close(): Promise<void>;
}

/** Events a read returned, and how many of them were different events: paging must neither repeat nor skip. */
export interface ReadCount {
  readonly read: number;
  readonly distinct: number;
}

export interface Measurement {
  readonly workload: string;
  readonly events: number;
  readonly seconds: number;
  /** For reads: distinct events among those read, and how many the log holds. */
  readonly distinct?: number;
  readonly expected?: number;
}

interface AppendWorkload {
  readonly name: string;
  readonly batch: number;
  readonly streams: number;
  readonly events: number;
}

export const appendWorkloads = (config: BenchConfig): AppendWorkload[] => [
  { name: 'append 1 event, 1 stream', batch: 1, streams: 1, events: config.events },
  { name: 'append 10 events, 1 stream', batch: 10, streams: 1, events: config.batchEvents },
  { name: `append 1 event, ${config.streams} streams`, batch: 1, streams: config.streams, events: config.events },
  {
    name: `append 10 events, ${config.streams} streams`,
    batch: 10,
    streams: config.streams,
    events: config.batchEvents,
  },
];

export const readWorkloadName = (config: BenchConfig) => `read all (pages of ${config.pageSize})`;

const actor = { userId: 'bench-user', role: 'learning-mentor', agencyId: 'school-oakfield' };

/** A realistically sized platform event: a child's details, with the full envelope. */
function anEvent(childId: string, n: number): EventToAppend {
  return {
    eventId: randomUUID(),
    type: 'ChildDetailsCorrected',
    schemaVersion: 1,
    data: {
      childId,
      givenName: 'Ada',
      familyName: 'Lovelace',
      dateOfBirth: '2014-12-10',
      school: 'school-oakfield',
      yearGroup: 6,
      correction: { field: 'address', reason: 'moved house', sequence: n },
      address: { line1: '12 Analytical Row', town: 'Marylebone', postcode: 'NW1 4RG' },
    },
    metadata: { actor, correlationId: randomUUID(), causationId: randomUUID(), childId },
    occurredAt: new Date(),
  };
}

/** Appends `perStream` events to each of `streams` streams, all streams at once, `batch` events per append. */
async function runAppends(subject: Subject, streams: number, perStream: number, batch: number): Promise<void> {
  const writeStream = async () => {
    const childId = randomUUID();
    const streamId = `child-${childId}`;
    for (let written = 0; written < perStream; written += batch) {
      const events = Array.from({ length: batch }, (_, i) => anEvent(childId, written + i));
      await subject.append(streamId, events);
    }
  };
  await Promise.all(Array.from({ length: streams }, writeStream));
}

export async function warmUp(subject: Subject, config: BenchConfig): Promise<void> {
  if (config.warmup > 0) await runAppends(subject, 1, config.warmup, 1);
}

export async function measureAll(
  subject: Subject,
  config: BenchConfig,
  progress: (line: string) => void,
): Promise<Measurement[]> {
  const measured: Measurement[] = [];
  const report = (m: Measurement) => {
    measured.push(m);
    progress(
      `${m.workload}: ${m.events} events in ${m.seconds.toFixed(2)} s, ${Math.round(m.events / m.seconds)} events/s`,
    );
  };
  let written = config.warmup;
  for (const w of appendWorkloads(config)) {
    const unit = w.batch * w.streams;
    const perStream = Math.max(1, Math.round(w.events / unit)) * w.batch;
    const started = performance.now();
    await runAppends(subject, w.streams, perStream, w.batch);
    report({ workload: w.name, events: perStream * w.streams, seconds: (performance.now() - started) / 1000 });
    written += perStream * w.streams;
  }
  const started = performance.now();
  const { read, distinct } = await subject.readAll(config.pageSize);
  report({
    workload: readWorkloadName(config),
    events: read,
    seconds: (performance.now() - started) / 1000,
    distinct,
    expected: written,
  });
  if (read !== written || distinct !== written)
    progress(`read all returned ${read} events, ${distinct} distinct, of the ${written} written`);
  return measured;
}
