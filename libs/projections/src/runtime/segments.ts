import { createHash } from 'node:crypto';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';

/** The child an event is about: its metadata names it; the payload does for events written before it did. */
const childOf = (event: RecordedEvent): string | undefined =>
  event.metadata.childId ?? (event.data as { childId?: unknown }).childId?.toString();

/** Which of `count` segments a child belongs to: stable across processes, releases and restarts. */
export function segmentOf(childId: string, count: number): number {
  return createHash('sha256').update(childId).digest().readUInt32BE(0) % count;
}

/** The checkpoint name of one segment of a projection: a checkpoint row (and lock) of its own. */
export const segmentName = (name: string, index: number, count: number): string => `${name}#${index + 1}of${count}`;

/**
 * One segment of a per-child projection: it reads the whole log, as every projection does
 * (gap safety is the log's, ADR 002), but applies only its own children's events; an event
 * that names no child is the first segment's. Its checkpoint row is its own, so segments move
 * independently, and a child's events stay in one segment, in log order.
 */
function segment(projection: Projection, index: number, count: number): Projection {
  return {
    name: segmentName(projection.name, index, count),
    eventTypes: projection.eventTypes,
    tables: projection.tables,
    perChild: true,
    async apply(event, manager) {
      const child = childOf(event);
      if ((child === undefined ? 0 : segmentOf(child, count)) === index) await projection.apply(event, manager);
    },
  };
}

/**
 * The units of projection work the projectors share: each per-child projection cut into
 * `count` segments, every other projection whole. One segment is today's projection, under
 * its own name and checkpoint.
 */
export function projectionUnits(projections: readonly Projection[], count: number): Projection[] {
  if (count === 1) return [...projections];
  return projections.flatMap((p) => (p.perChild ? Array.from({ length: count }, (_, i) => segment(p, i, count)) : [p]));
}

/** The projection a unit is (a segment) of: its checkpoint is where a new segment starts. */
export const wholeOf = (unit: string): string => unit.replace(/#\d+of\d+$/, '');

/**
 * Refuses a segment count the stored checkpoints do not match: segments of another count
 * (or the whole projection, after it was cut) stand at positions that cannot be carried over
 * child by child, so going on would apply some children's events twice or never. Cutting a
 * whole projection into segments is the one change carried over (each segment starts where
 * it stood). Returns a message naming what to do, or undefined when the count fits.
 */
export function segmentsMismatch(
  projections: readonly Projection[],
  count: number,
  stored: readonly string[],
): string | undefined {
  for (const p of projections.filter((q) => q.perChild)) {
    const counts = stored
      .filter((name) => wholeOf(name) === p.name && name !== p.name)
      .map((name) => Number(/of(\d+)$/.exec(name)![1]));
    const other = counts.find((c) => c !== count);
    if (other !== undefined) {
      return `PROJECTION_SEGMENTS is ${count} but ${p.name} was run in ${other} segments: stop every projector, delete its checkpoints named '${p.name}#…' and rebuild ${p.name}, or set PROJECTION_SEGMENTS=${other}`;
    }
  }
  return undefined;
}
