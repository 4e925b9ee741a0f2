/**
 * Integration events: what other agencies' systems are told, as opposed to the domain
 * events the platform stores. Each has a name, a schema version and a topic
 * `<name>.v<version>`; a new shape is a new version on a new topic, never a change.
 */
export const INTEGRATION_TYPES = [
  'consent-withdrawn',
  'mast-request-received',
  'mast-request-decided',
  'referral-to-social-care',
  'disclosure-to-agency',
  'correction-notice',
  'erasure-notice',
  // Not about a child: the signed head of the access-log chain (ADR 013).
  'audit-anchors',
] as const;
export type IntegrationType = (typeof INTEGRATION_TYPES)[number];

export const topicOf = (type: string, schemaVersion: number): string => `${type}.v${schemaVersion}`;

/** Message headers every integration message carries (Kafka header values are strings). */
export const HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  correlationId: 'correlation-id',
  /** The domain event the message was derived from, for tracing. */
  sourceEventType: 'source-event-type',
  /** Disclosures and correction notices: the one agency the payload is meant for. */
  recipientAgency: 'recipient-agency',
  /** While PSEUDONYM_KEY rotates: the child's reference under the previous key, so a recipient can re-key what it holds (ADR 021). */
  previousChildRef: 'previous-child-ref',
  /** W3C trace context of the request that caused the message, when tracing is on (ADR 022). */
  traceparent: 'traceparent',
} as const;

/**
 * What the disclosure ledger records of a message once the broker has it (ADR 010): to whom,
 * on what lawful basis, and which platform disclosure it carries, if it carries one. The
 * fields that went are read off the payload itself, so they cannot disagree with it.
 */
export interface MessageDisclosure {
  /** An agency id, or for a notice to everyone who holds information under a consent, `recipients-of-consent:<id>`. */
  readonly recipient: string;
  /** In the ledger's shape: `{kind: 'consent', consentIds}` (or `under` the act whose consent it was) or `{kind: 'without-consent', ground}`. */
  readonly basis: Record<string, unknown>;
  /** The ledger entry of the disclosure this message carries (a disclosure id, `referral:<concernId>`). */
  readonly carries?: string;
}

/** What a translator makes of one domain event, before keys and headers are added. */
export interface IntegrationEventDraft {
  readonly type: IntegrationType;
  readonly schemaVersion: number;
  readonly payload: Record<string, unknown>;
  /** Set when the payload is meant for one agency only. */
  readonly recipientAgencyId?: string;
  /** Required: a message about a child does not leave without its entry in the ledger. */
  readonly disclosure: MessageDisclosure;
}

/** A row of the outbox as the relay publishes it. */
export interface OutboxMessage {
  readonly id: bigint;
  readonly eventId: string;
  readonly integrationType: string;
  readonly topic: string;
  readonly key: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: Record<string, unknown>;
}
