import type { EntityManager } from 'typeorm';
import type { ConsentEvent } from '@app/domain/consent/events';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, erasedChild, nullColumns } from '../erasure/forget';
import { ConsentScopeRow } from './consent-scope.entity';

type Data<T extends ConsentEvent['type']> = Extract<ConsentEvent, { type: T }>['data'];

/** Every consent decision per child with its scope, live state and the child's standing at the time. */
export const consentScopesProjection: Projection = {
  name: 'consent-scopes',
  eventTypes: ['ConsentGiven', 'ConsentRefused', 'ConsentWithdrawn', 'ConsentExpired', CHILD_RECORD_ERASED],
  tables: ['consent_scopes'],
  perChild: true,

  async apply(event: RecordedEvent, manager: EntityManager) {
    // Scopes and dates stay as evidence of what was lawful when; who in the family gave it, and their form's reference, go.
    if (event.type === CHILD_RECORD_ERASED)
      return nullColumns(manager, 'consent_scopes', ['giver_relationship', 'document_ref'], erasedChild(event));
    const repository = manager.getRepository(ConsentScopeRow);
    switch (event.type as ConsentEvent['type']) {
      case 'ConsentGiven':
      case 'ConsentRefused': {
        const data = event.data as unknown as Data<'ConsentGiven'> & Partial<Data<'ConsentRefused'>>;
        const given = event.type === 'ConsentGiven';
        await repository.upsert(
          {
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
          },
          ['childId', 'consentId'],
        );
        return;
      }
      case 'ConsentWithdrawn': {
        const data = event.data as unknown as Data<'ConsentWithdrawn'>;
        await repository.update(
          { childId: data.childId, consentId: data.consentId },
          { withdrawnAt: new Date(data.withdrawnAt), withdrawnByKind: data.withdrawnBy.kind },
        );
        return;
      }
      case 'ConsentExpired': {
        const data = event.data as unknown as Data<'ConsentExpired'>;
        await repository.update(
          { childId: data.childId, consentId: data.consentId },
          { expiryRecordedOn: data.expiredOn },
        );
        return;
      }
      default:
        return;
    }
  },
};
