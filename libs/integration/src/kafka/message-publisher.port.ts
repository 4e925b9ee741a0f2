/**
 * The platform's only view of a message broker for sending. kafkajs has had no release since
 * 2023, so it stays behind this port: another client can replace it without touching the
 * relay or the inbound consumer.
 */
export interface OutgoingMessage {
  readonly topic: string;
  /** Partitioning key: the pseudonymous child id, so one child's messages stay in order. */
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly value: string | Buffer;
}

export interface MessagePublisher {
  /** Resolves once every message is acknowledged by all in-sync replicas; rejects otherwise. */
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

/** One message as a consumer receives it, before anything is made of it. */
export interface IncomingMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly value: Buffer | null;
}

export interface MessageSubscription {
  stop(): Promise<void>;
}

export interface MessageSource {
  /**
   * Delivers each message of `topic` to `handle`, one at a time per partition, at least once:
   * a message is acknowledged only after `handle` resolves; a rejection redelivers it.
   */
  subscribe(topic: string, handle: (message: IncomingMessage) => Promise<void>): Promise<MessageSubscription>;
}
