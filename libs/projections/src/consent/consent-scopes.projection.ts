import type { EntityManager } from 'typeorm';
import type { ConsentEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, erasedChild, nullColumns } from '../erasure/forget';
import { entityColumns, inRounds, type Row, updateEachRow, upsertRows } from '../runtime/row-sets';
import { ConsentScopeRow } from './consent-scope.entity';

type Data<T extends ConsentEvent['type']> = Extract<ConsentEvent, { type: T }>['data'];

const TABLE = 'read_models.consent_scopes';

/** Every consent decision per child with its scope, live state and the child's standing at the time. */
export const consentScopesProjection: Projection = {
  name: 'consent-scopes',
  eventTypes: ['ConsentGiven', 'ConsentRefused', 'ConsentWithdrawn', 'ConsentExpired', CHILD_RECORD_ERASED],
  tables: ['consent_scopes'],
  perChild: true,
  apply: (event, manager) => applyInRounds([event], manager),
  applyBatch: applyInRounds,
};

/** A decision's row: given or refused, a later decision of the same id replacing it whole. */
function decided(event: RecordedEvent): Row {
  const data = event.data as unknown as Data<'ConsentGiven'> & Partial<Data<'ConsentRefused'>>;
  const given = event.type === 'ConsentGiven';
  return {
    childId: data.childId,
    consentId: data.consentId,
    kind: given ? 'given' : 'refused',
    giverKind: data.giver.kind,
    giverRelationship: data.giver.kind === 'parent-carer' ? data.giver.relationship : null,
    purposes: [...data.scope.purposes],
    recipients: [...data.scope.recipients],
    categories: [...data.scope.categories],
    effectiveOn: given ? data.startsOn : (data.refusedOn as string),
    expiresOn: given ? data.expiresOn : null,
    childAge: data.childAge,
    childCompetent: data.childCompetent,
    competenceAssessmentId: data.competenceAssessmentId ?? null,
    evidenceForm: data.evidence.form,
    documentRef: data.evidence.documentRef ?? null,
    sequence: event.revision.toString(),
    recordedAt: event.occurredAt,
  };
}

const withdrawn = (data: Data<'ConsentWithdrawn'>): Row => ({
  childId: data.childId,
  consentId: data.consentId,
  withdrawnAt: new Date(data.withdrawnAt),
  withdrawnByKind: data.withdrawnBy.kind,
});

const expired = (data: Data<'ConsentExpired'>): Row => ({
  childId: data.childId,
  consentId: data.consentId,
  expiryRecordedOn: data.expiredOn,
});

/**
 * A batch in rounds of at most one event per decision (row-sets.ts): per round one upsert of
 * the decisions made and one update each for withdrawals and expiries. A batch with an
 * erasure (which reaches every decision of a child) applies event by event.
 */
async function applyInRounds(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  if (events.length > 1 && events.some((e) => e.type === CHILD_RECORD_ERASED)) {
    for (const event of events) await applyInRounds([event], manager);
    return;
  }
  // Scopes and dates stay as evidence of what was lawful when; who in the family gave it, and their form's reference, go.
  if (events[0]?.type === CHILD_RECORD_ERASED)
    return nullColumns(manager, 'consent_scopes', ['giver_relationship', 'document_ref'], erasedChild(events[0]));
  const columns = entityColumns(manager, ConsentScopeRow);
  const named = (row: Row) => Object.fromEntries(Object.entries(row).map(([p, v]) => [columns.get(p)!.name, v]));
  const columnsOf = (row: Row) => Object.keys(row).map((p) => columns.get(p)!);
  const write = async (rows: Row[], put: typeof upsertRows | typeof updateEachRow) => {
    if (rows.length === 0) return;
    const [keys, assigned] = [columnsOf(rows[0]).slice(0, 2), columnsOf(rows[0]).slice(2)];
    await put(manager, TABLE, keys, assigned, rows.map(named));
  };
  const rowKey = (e: RecordedEvent) => {
    const { childId, consentId } = e.data as { childId: string; consentId: string };
    return `${childId}/${consentId}`;
  };
  for (const round of inRounds(events, rowKey)) {
    const of = <T extends ConsentEvent['type']>(...types: T[]) => round.filter((e) => types.includes(e.type as T));
    await write(of('ConsentGiven', 'ConsentRefused').map(decided), upsertRows);
    await write(
      of('ConsentWithdrawn').map((e) => withdrawn(e.data as unknown as Data<'ConsentWithdrawn'>)),
      updateEachRow,
    );
    await write(
      of('ConsentExpired').map((e) => expired(e.data as unknown as Data<'ConsentExpired'>)),
      updateEachRow,
    );
  }
}
