import type { IncomingMessage, MessagePublisher } from '../kafka/message-publisher.port';

export const deadLetterTopicOf = (topic: string): string => `${topic}.dlq`;

export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
} as const;

/**
 * Sends a message that cannot be applied to `<topic>.dlq`, byte for byte, with its original
 * headers and key, and why, where it came from, in headers. Resolves only once the broker
 * acknowledged it: until then the source message is not acknowledged either.
 */
export async function deadLetter(publisher: MessagePublisher, message: IncomingMessage, reason: string): Promise<void> {
  await publisher.publish([
    {
      topic: deadLetterTopicOf(message.topic),
      key: message.key,
      value: message.value ?? Buffer.alloc(0),
      headers: {
        ...message.headers,
        [DLQ_HEADERS.reason]: reason.slice(0, 2000),
        [DLQ_HEADERS.sourceTopic]: message.topic,
        [DLQ_HEADERS.sourcePartition]: String(message.partition),
        [DLQ_HEADERS.sourceOffset]: message.offset,
      },
    },
  ]);
}
