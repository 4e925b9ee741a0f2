import type { PoolClient } from 'pg';
import type { AppendHook, RecordedEvent } from '@app/event-store';
import { integrationContracts, type IntegrationContracts } from '../contracts/contracts';
import { HEADERS, type MessageDisclosure, topicOf } from '../integration-event';
import { pseudonymousChildId } from './pseudonym';
import { integrationTranslators, type Translator } from './translators';

export interface OutboxHookOptions {
  readonly pseudonymKey: Buffer;
  /** Set while PSEUDONYM_KEY rotates: messages also name the child's reference under it (ADR 021). */
  readonly previousPseudonymKey?: Buffer;
  /**
   * Opens sealed personal fields and upcasts (ProtectedEventStore.reveal): the hook sees
   * events as stored. Data keys are committed before the append, so this works from here.
   */
  readonly reveal: (events: readonly RecordedEvent[]) => Promise<RecordedEvent[]>;
  readonly translators?: ReadonlyMap<string, Translator>;
  readonly contracts?: IntegrationContracts;
}

interface OutboxRow {
  eventId: string;
  childId?: string;
  /** The draft's disclosure with the fields its payload carries: what the ledger records once it is sent. */
  disclosure?: MessageDisclosure & { fields: string[] };
  integrationType: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  payload: Record<string, unknown>;
  /** Set: the row is written as failed and never published. */
  failure?: string;
}

/**
 * The transactional outbox: inside the append transaction, writes one row per integration
 * event the appended domain events cause. Either the events and their rows commit together
 * or neither does. A payload that breaks its contract is written as failed, with the
 * reason, rather than failing the user's command: the relay never publishes it, and the
 * failure shows in /metrics and /health/ready.
 */
export function createOutboxHook(options: OutboxHookOptions): AppendHook {
  const translators = options.translators ?? integrationTranslators;
  const hook = async (events: readonly RecordedEvent[], transaction: unknown) => {
    const mapped = events.filter((e) => translators.has(e.type));
    if (mapped.length === 0) return;
    await writeOutboxRows(transaction as PoolClient, await options.reveal(mapped), options);
  };
  return Object.assign(hook, { eventTypes: new Set(translators.keys()) });
}

/** Anything that runs SQL inside the caller's transaction: a pg client, a TypeORM EntityManager. */
export interface InTransaction {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Writes the outbox rows of already revealed events through `transaction`: shared by the
 * append hook (PostgreSQL store) and the derived outbox (EventStoreDB, a checkpointed projection).
 */
export async function writeOutboxRows(
  transaction: InTransaction,
  events: readonly RecordedEvent[],
  options: Pick<OutboxHookOptions, 'pseudonymKey' | 'previousPseudonymKey' | 'translators' | 'contracts'>,
): Promise<void> {
  const translators = options.translators ?? integrationTranslators;
  const contracts = options.contracts ?? integrationContracts;
  const rows = events.flatMap((event) => {
    const translator = translators.get(event.type);
    return translator ? rowsFor(event, translator, options, contracts) : [];
  });
  await insertRows(transaction, rows);
}

function rowsFor(
  event: RecordedEvent,
  translator: Translator,
  { pseudonymKey, previousPseudonymKey }: Pick<OutboxHookOptions, 'pseudonymKey' | 'previousPseudonymKey'>,
  contracts: IntegrationContracts,
): OutboxRow[] {
  const childId = event.metadata.childId ?? (typeof event.data.childId === 'string' ? event.data.childId : undefined);
  const failed = (failure: string): OutboxRow[] => [
    {
      eventId: event.eventId,
      integrationType: `untranslated:${event.type}`,
      topic: '',
      key: '',
      headers: {},
      payload: {},
      failure,
    },
  ];
  if (!childId)
    return failed(`${event.type} ${event.eventId} names no child: an integration message must be keyed by one`);
  const childRef = pseudonymousChildId(pseudonymKey, childId);
  let drafts;
  try {
    drafts = translator.translate(event, childRef);
  } catch (error) {
    return failed(`translating ${event.type} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return drafts.map((draft) => {
    const check = contracts.check(draft.type, draft.schemaVersion, draft.payload);
    return {
      eventId: event.eventId,
      childId,
      disclosure: { ...draft.disclosure, fields: fieldsOf(draft.payload) },
      integrationType: draft.type,
      topic: topicOf(draft.type, draft.schemaVersion),
      key: childRef,
      headers: {
        [HEADERS.eventId]: event.eventId,
        [HEADERS.eventType]: draft.type,
        [HEADERS.schemaVersion]: String(draft.schemaVersion),
        [HEADERS.correlationId]: event.metadata.correlationId,
        [HEADERS.sourceEventType]: event.type,
        ...(draft.recipientAgencyId ? { [HEADERS.recipientAgency]: draft.recipientAgencyId } : {}),
        ...(previousPseudonymKey
          ? { [HEADERS.previousChildRef]: pseudonymousChildId(previousPseudonymKey, childId) }
          : {}),
        ...(event.metadata.traceparent ? { [HEADERS.traceparent]: event.metadata.traceparent } : {}),
      },
      payload: draft.payload,
      ...(check.valid ? {} : { failure: check.reason }),
    };
  });
}

/** Every leaf of a payload as a dotted path, less the key and the stamp every message carries. */
function fieldsOf(payload: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(payload).flatMap(([name, value]) => {
    const path = `${prefix}${name}`;
    if (path === 'childRef' || path === 'occurredAt') return [];
    return value && typeof value === 'object' && !Array.isArray(value)
      ? fieldsOf(value as Record<string, unknown>, `${path}.`)
      : [path];
  });
}

async function insertRows(client: InTransaction, rows: readonly OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  // One statement for the whole append; a re-sent event (same id) adds nothing.
  await client.query(
    `INSERT INTO integration.outbox (event_id, integration_type, topic, key, headers, payload, failed_at, last_error, child_id, disclosure)
     SELECT r.event_id, r.integration_type, r.topic, r.key, r.headers, r.payload,
            CASE WHEN r.failure IS NULL THEN NULL ELSE now() END, r.failure, r.child_id, r.disclosure
       FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, integration_type text, topic text, key text,
                                                headers jsonb, payload jsonb, failure text, child_id text, disclosure jsonb)
     ON CONFLICT (event_id, integration_type) DO NOTHING`,
    [
      JSON.stringify(
        rows.map((r) => ({
          event_id: r.eventId,
          integration_type: r.integrationType,
          topic: r.topic,
          key: r.key,
          headers: r.headers,
          payload: r.payload,
          failure: r.failure ?? null,
          child_id: r.childId ?? null,
          disclosure: r.disclosure ?? null,
        })),
      ),
    ],
  );
}
