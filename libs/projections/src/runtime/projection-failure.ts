import type { RecordedEvent } from '@app/event-store';

/**
 * What an operator needs to find the event a projection is stuck on, and nothing about
 * the child: the event's id, type and position, and the error with quoted values cut out.
 */
export interface ProjectionFailure {
  readonly eventId?: string;
  readonly eventType?: string;
  readonly position?: string;
  readonly error: string;
}

// PostgreSQL quotes names after these words (column "x", relation "y"); anything else quoted may be a value.
const NAMED = /(?:column|relation|constraint|table|schema|index|encoding|function|operator)\s$/;
const MAX_LENGTH = 300;

/** The error's SQLSTATE and message, with every quoted value replaced by an ellipsis. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code =
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
      ? `[${(error as { code: string }).code}] `
      : '';
  const redacted = message.replace(/"[^"]*"|'[^']*'/g, (quoted, at: number, whole: string) =>
    NAMED.test(whole.slice(Math.max(0, at - 12), at)) ? quoted : '"…"',
  );
  const described = `${code}${redacted}`;
  return described.length > MAX_LENGTH ? `${described.slice(0, MAX_LENGTH)}…` : described;
}

export class ProjectionFailed extends Error {
  readonly failure: ProjectionFailure;

  constructor(projection: string, event: RecordedEvent, cause: unknown) {
    const failure = {
      eventId: event.eventId,
      eventType: event.type,
      position: event.checkpoint.position.toString(),
      error: describeError(cause),
    };
    super(
      `${projection} cannot apply ${failure.eventType} ${failure.eventId} (position ${failure.position}): ${failure.error}`,
    );
    this.name = 'ProjectionFailed';
    this.failure = failure;
  }
}
