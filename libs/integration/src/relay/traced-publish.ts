import { contextOf, openSpan, SpanKind } from '@app/platform';
import { HEADERS } from '../integration-event';
import type { MessagePublisher } from '../kafka/message-publisher.port';

interface Row {
  readonly topic: string;
  readonly key: string;
  readonly headers: Record<string, string>;
  readonly payload: Record<string, unknown>;
}

/**
 * Sends outbox rows as one batch, each in a producer span of the trace its event came from
 * (the row's `traceparent`, ADR 022). The message carries the producer span's own context,
 * so a consumer's span hangs under the send. Rows without one are sent as they are.
 */
export async function publishTraced(publisher: MessagePublisher, rows: readonly Row[]): Promise<void> {
  const spans = rows.map((row) => {
    const parent = contextOf(row.headers[HEADERS.traceparent]);
    return parent
      ? openSpan(`publish ${row.topic}`, {
          kind: SpanKind.PRODUCER,
          parent,
          attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': row.topic },
        })
      : undefined;
  });
  try {
    await publisher.publish(
      rows.map((row, i) => {
        const traceparent = spans[i]?.traceparent;
        return {
          topic: row.topic,
          key: row.key,
          headers: traceparent ? { ...row.headers, [HEADERS.traceparent]: traceparent } : row.headers,
          value: JSON.stringify(row.payload),
        };
      }),
    );
  } catch (error) {
    for (const span of spans) span?.end(error);
    throw error;
  }
  for (const span of spans) span?.end();
}
