import type { EntityManager } from 'typeorm';
import { type ConsentDecision, type CoverageAnswer, type CoverageQuestion, consentCoverage } from '@app/domain';
import { ConsentScopeRow } from './consent-scope.entity';

const toDecision = (row: ConsentScopeRow): ConsentDecision => ({
  consentId: row.consentId,
  kind: row.kind as ConsentDecision['kind'],
  giver:
    row.giverKind === 'child'
      ? { kind: 'child' }
      : { kind: 'parent-carer', relationship: row.giverRelationship as never },
  scope: { purposes: row.purposes as never, recipients: row.recipients as never, categories: row.categories as never },
  effectiveOn: row.effectiveOn,
  ...(row.expiresOn ? { expiresOn: row.expiresOn } : {}),
  ...(row.withdrawnAt ? { withdrawnAt: row.withdrawnAt.toISOString() } : {}),
  ...(row.expiryRecordedOn ? { expiryRecordedOn: row.expiryRecordedOn } : {}),
  childAge: row.childAge,
  childCompetent: row.childCompetent,
  ...(row.competenceAssessmentId ? { competenceAssessmentId: row.competenceAssessmentId } : {}),
  sequence: Number(row.sequence),
});

/** Every consent decision recorded for a child, in the order they were made. */
export async function consentScopesOf(manager: EntityManager, childId: string): Promise<ConsentScopeRow[]> {
  return manager.getRepository(ConsentScopeRow).find({ where: { childId }, order: { sequence: 'ASC' } });
}

/** The child's consent decisions as the consent domain folds them, for rules beyond one coverage question. */
export async function consentDecisionsOf(manager: EntityManager, childId: string): Promise<ConsentDecision[]> {
  return (await consentScopesOf(manager, childId)).map(toDecision);
}

/**
 * The gate question answered from the read model with the domain's own rules
 * (consentCoverage), so an API gate and the consent decider can never disagree.
 * The read model trails the log by the projection's lag; a command that must be exact
 * folds consent-{childId} instead.
 */
export async function consentCoverageFor(
  manager: EntityManager,
  childId: string,
  question: CoverageQuestion,
): Promise<CoverageAnswer> {
  const rows = await consentScopesOf(manager, childId);
  return consentCoverage({ decisions: rows.map(toDecision) }, question);
}

/** Several questions at once (e.g. every mentoring category), one read. */
export async function consentCoverageForEach(
  manager: EntityManager,
  childId: string,
  questions: readonly CoverageQuestion[],
): Promise<CoverageAnswer[]> {
  const decisions = (await consentScopesOf(manager, childId)).map(toDecision);
  return questions.map((question) => consentCoverage({ decisions }, question));
}

/**
 * Consents whose expiry day has come but whose expiry is not yet recorded: the work list
 * of the scheduled job that records ConsentExpired (coverage already treats them as expired).
 */
export async function consentsAwaitingExpiry(
  manager: EntityManager,
  today: string,
): Promise<Array<{ childId: string; consentId: string; expiresOn: string }>> {
  return manager.query(
    `SELECT child_id AS "childId", consent_id AS "consentId", expires_on::text AS "expiresOn"
       FROM read_models.consent_scopes
      WHERE kind = 'given' AND expires_on <= $1::date AND expiry_recorded_on IS NULL AND withdrawn_at IS NULL
      ORDER BY expires_on, child_id, consent_id`,
    [today],
  );
}
