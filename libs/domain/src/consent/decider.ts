import {
  type Decider,
  DomainError,
  dayOf,
  firstError,
  instantOf,
  invalid,
  isIsoDate,
  type IsoDate,
  isText,
  requireDate,
  requireInstant,
  requireOneOf,
  requireText,
} from '../shared';
import { isAgencyId, isConsentPurpose, isInformationCategory } from '../shared/vocabulary';
import type { AssessCompetence, ConsentCommand, GiveConsent, RefuseConsent, WithdrawConsent } from './commands';
import { COMPETENCE_CRITERIA } from './competence';
import {
  COMPETENCE_FRAMEWORKS,
  type ConsentEvent,
  type ConsentEvidence,
  type ConsentGiver,
  type ConsentScope,
  type InformedOf,
  PARENT_RELATIONSHIPS,
  type RecordedGiver,
} from './events';
import { ADULT_FROM, PARENT_DECIDES_UNDER, standingOn } from './standing';
import { type ConsentDecision, type ConsentState, emptyConsentState, findDecision } from './state';

const checkGiver = (giver: ConsentGiver | undefined, field: string): DomainError | undefined => {
  if (!giver || (giver.kind !== 'parent-carer' && giver.kind !== 'child')) {
    return invalid('value.not-allowed', `${field}.kind`, `${field}.kind must be parent-carer or child`);
  }
  if (giver.kind === 'child') return undefined;
  return firstError(
    requireText(giver.name, `${field}.name`),
    requireOneOf(giver.relationship, PARENT_RELATIONSHIPS, `${field}.relationship`),
  );
};

/** Box 14: the person must understand purpose, use, recipients and how long it is held. */
const checkInformed = (informed: InformedOf | undefined): DomainError | undefined => {
  for (const point of ['purpose', 'use', 'recipients', 'retention'] as const) {
    if (!informed || typeof informed[point] !== 'string' || informed[point].trim() === '') {
      return invalid(
        'consent.must-be-informed',
        `informed.${point}`,
        `Consent is informed only if the person was told the ${point} (Box 14)`,
      );
    }
  }
  return undefined;
};

const checkScope = (scope: ConsentScope | undefined): DomainError | undefined => {
  const lists = [
    ['purposes', isConsentPurpose],
    ['recipients', (v: unknown) => v === 'parent-carer' || isAgencyId(v)],
    ['categories', isInformationCategory],
  ] as const;
  for (const [name, valid] of lists) {
    const values = scope?.[name] as readonly unknown[] | undefined;
    if (!Array.isArray(values) || values.length === 0) {
      return invalid('consent.scope-required', `scope.${name}`, `scope.${name} must list at least one item`);
    }
    const index = values.findIndex((v) => !valid(v));
    if (index >= 0)
      return invalid(
        'value.not-allowed',
        `scope.${name}[${index}]`,
        `scope.${name}[${index}] is not in the platform's vocabulary`,
      );
  }
  return undefined;
};

const checkEvidence = (evidence: ConsentEvidence | undefined): DomainError | undefined => {
  if (!evidence || (evidence.form !== 'written' && evidence.form !== 'verbal')) {
    return invalid('value.not-allowed', 'evidence.form', 'evidence.form must be written or verbal');
  }
  if (evidence.form === 'written') {
    return isText(evidence.documentRef)
      ? undefined
      : invalid(
          'consent.written-evidence-needs-document',
          'evidence.documentRef',
          'Written consent names the document that holds it',
        );
  }
  return isText(evidence.witnessedBy)
    ? undefined
    : invalid('consent.verbal-evidence-needs-witness', 'evidence.witnessedBy', 'Verbal consent records who heard it');
};

const checkDateOfBirth = (dateOfBirth: IsoDate, day: IsoDate): DomainError | undefined =>
  firstError(requireDate(dateOfBirth, 'childDateOfBirth'), () =>
    dateOfBirth > day
      ? invalid('consent.born-after-decision', 'childDateOfBirth', 'The child was not born on the day of this decision')
      : undefined,
  );

/** Age and competence decide who may speak for the child's information (seed 003 §1d, Figure 8, Box 15). */
function mayDecide(giver: RecordedGiver, childAge: number, childCompetent: boolean): DomainError | undefined {
  if (giver.kind === 'parent-carer') {
    return childAge >= ADULT_FROM
      ? new DomainError(
          'consent.adult-decides-for-themselves',
          `At ${childAge} the young person decides for themselves; a parent cannot consent for them`,
        )
      : undefined;
  }
  if (childAge < PARENT_DECIDES_UNDER) {
    return new DomainError(
      'consent.parent-decides-under-12',
      `At ${childAge} a parent or carer decides; the child's wishes are recorded as a refusal or in the case notes (seed 003 §1d)`,
    );
  }
  if (!childCompetent) {
    return new DomainError(
      'consent.child-not-competent',
      'The child has not been assessed competent (Gillick / Fraser, Box 15) to decide about their own information',
    );
  }
  return undefined;
}

const recorded = (giver: ConsentGiver): { giver: RecordedGiver; giverName?: string } =>
  giver.kind === 'child'
    ? { giver: { kind: 'child' } }
    : { giver: { kind: 'parent-carer', relationship: giver.relationship }, giverName: giver.name };

function checkDecision(
  command: GiveConsent | RefuseConsent,
  state: ConsentState,
  day: IsoDate,
): DomainError | undefined {
  return firstError(
    requireText(command.consentId, 'consentId'),
    () =>
      findDecision(state, command.consentId)
        ? new DomainError('consent.id-already-used', `Consent ${command.consentId} is already recorded`)
        : undefined,
    () => checkGiver(command.giver, 'giver'),
    () => checkInformed(command.informed),
    () => checkScope(command.scope),
    () => checkEvidence(command.evidence),
    () => checkDateOfBirth(command.childDateOfBirth, day),
  );
}

function giveConsent(command: GiveConsent, state: ConsentState): ConsentEvent[] | DomainError {
  const error = firstError(
    requireDate(command.startsOn, 'startsOn'),
    requireDate(command.expiresOn, 'expiresOn'),
    () =>
      command.expiresOn <= command.startsOn
        ? invalid('consent.expiry-after-start', 'expiresOn', 'A consent expires after it starts')
        : undefined,
    () => checkDecision(command, state, command.startsOn),
  );
  if (error) return error;
  const standing = standingOn(state, command.childDateOfBirth, command.startsOn);
  const refused = mayDecide(recorded(command.giver).giver, standing.childAge, standing.childCompetent);
  if (refused) return refused;
  return [
    {
      type: 'ConsentGiven',
      data: {
        consentId: command.consentId,
        childId: command.childId,
        ...recorded(command.giver),
        informed: command.informed,
        scope: command.scope,
        evidence: command.evidence,
        startsOn: command.startsOn,
        expiresOn: command.expiresOn,
        ...standing,
      },
    },
  ];
}

/**
 * Anyone asked may refuse, and the refusal is always recorded. Whether it binds is a
 * matter of standing: a parent's binds their side; a child's binds only if they decide
 * for themselves (12 or over and competent), otherwise it records their wishes.
 */
function refuseConsent(command: RefuseConsent, state: ConsentState): ConsentEvent[] | DomainError {
  const error = firstError(requireDate(command.refusedOn, 'refusedOn'), () =>
    checkDecision(command, state, command.refusedOn),
  );
  if (error) return error;
  const standing = standingOn(state, command.childDateOfBirth, command.refusedOn);
  if (command.giver.kind === 'parent-carer' && standing.childAge >= ADULT_FROM) {
    return mayDecide(recorded(command.giver).giver, standing.childAge, standing.childCompetent) as DomainError;
  }
  return [
    {
      type: 'ConsentRefused',
      data: {
        consentId: command.consentId,
        childId: command.childId,
        ...recorded(command.giver),
        informed: command.informed,
        scope: command.scope,
        evidence: command.evidence,
        refusedOn: command.refusedOn,
        ...(command.reason !== undefined ? { reason: command.reason } : {}),
        ...standing,
      },
    },
  ];
}

/**
 * Box 14: consent can be withdrawn at any time. The giver's side withdraws their own
 * consent; a child who decides for themselves may withdraw any consent about their own
 * information; a parent cannot withdraw a competent child's own consent.
 */
function withdrawConsent(command: WithdrawConsent, state: ConsentState): ConsentEvent[] | DomainError {
  const error = firstError(
    requireText(command.consentId, 'consentId'),
    requireInstant(command.withdrawnAt, 'withdrawnAt'),
    () => checkGiver(command.withdrawnBy, 'withdrawnBy'),
    () => checkEvidence(command.evidence),
    () => checkDateOfBirth(command.childDateOfBirth, dayOf(command.withdrawnAt)),
  );
  if (error) return error;
  const decision = findDecision(state, command.consentId);
  if (!decision)
    return new DomainError('consent.unknown', `No consent ${command.consentId} is recorded for this child`);
  if (decision.kind === 'refused')
    return new DomainError(
      'consent.refusal-cannot-be-withdrawn',
      'A refusal is superseded by a later consent, not withdrawn',
    );
  if (decision.withdrawnAt)
    return new DomainError(
      'consent.already-withdrawn',
      `Consent ${command.consentId} was withdrawn at ${decision.withdrawnAt}`,
    );
  if (decision.expiryRecordedOn)
    return new DomainError('consent.already-expired', `Consent ${command.consentId} expired on ${decision.expiresOn}`);
  if (instantOf(command.withdrawnAt) < instantOf(decision.effectiveOn)) {
    return invalid('consent.withdrawn-before-start', 'withdrawnAt', 'A consent cannot be withdrawn before it started');
  }
  const withdrawer = recorded(command.withdrawnBy);
  const standing = standingOn(state, command.childDateOfBirth, dayOf(command.withdrawnAt));
  if (withdrawer.giver.kind === 'child') {
    const refused = mayDecide(withdrawer.giver, standing.childAge, standing.childCompetent);
    if (refused) return refused;
  } else if (decision.giver.kind === 'child') {
    return new DomainError(
      'consent.parent-cannot-withdraw-childs-own-consent',
      "A competent child's own consent is theirs to withdraw (Box 15)",
    );
  } else if (standing.childAge >= ADULT_FROM) {
    return mayDecide(withdrawer.giver, standing.childAge, standing.childCompetent) as DomainError;
  }
  return [
    {
      type: 'ConsentWithdrawn',
      data: {
        consentId: command.consentId,
        childId: command.childId,
        withdrawnBy: withdrawer.giver,
        ...(withdrawer.giverName !== undefined ? { withdrawnByName: withdrawer.giverName } : {}),
        // One spelling of the instant, whatever offset the caller used: records compare as written.
        withdrawnAt: new Date(command.withdrawnAt).toISOString(),
        evidence: command.evidence,
        ...(command.reason !== undefined ? { reason: command.reason } : {}),
      },
    },
  ];
}

function assessCompetence(command: AssessCompetence, state: ConsentState): ConsentEvent[] | DomainError {
  const error = firstError(
    requireText(command.assessmentId, 'assessmentId'),
    () =>
      state.assessments.some((a) => a.assessmentId === command.assessmentId)
        ? new DomainError(
            'consent.assessment-id-already-used',
            `Assessment ${command.assessmentId} is already recorded`,
          )
        : undefined,
    () => requireText(command.assessedBy?.userId, 'assessedBy.userId'),
    () => requireText(command.assessedBy?.role, 'assessedBy.role'),
    requireDate(command.assessedOn, 'assessedOn'),
    requireOneOf(command.framework, COMPETENCE_FRAMEWORKS, 'framework'),
    requireText(command.decisionAbout, 'decisionAbout'),
    requireOneOf(command.outcome, ['competent', 'not-competent'], 'outcome'),
    () => checkCriteria(command),
    () => checkDateOfBirth(command.childDateOfBirth, command.assessedOn),
  );
  if (error) return error;
  const { childAge } = standingOn(state, command.childDateOfBirth, command.assessedOn);
  return [
    {
      type: 'CompetenceAssessed',
      data: {
        assessmentId: command.assessmentId,
        childId: command.childId,
        assessedBy: { userId: command.assessedBy.userId, role: command.assessedBy.role },
        assessedOn: command.assessedOn,
        framework: command.framework,
        decisionAbout: command.decisionAbout,
        criteria: command.criteria,
        outcome: command.outcome,
        childAge,
      },
    },
  ];
}

/** A finding of competence rests on every criterion of its framework being met. */
function checkCriteria(command: AssessCompetence): DomainError | undefined {
  if (!Array.isArray(command.criteria) || command.criteria.length === 0) {
    return invalid('value.list-required', 'criteria', 'criteria must list the findings for each criterion');
  }
  const known = COMPETENCE_CRITERIA[command.framework];
  const unknown = command.criteria.findIndex((c) => !known.includes(c?.criterion) || typeof c.met !== 'boolean');
  if (unknown >= 0)
    return invalid(
      'consent.unknown-criterion',
      `criteria[${unknown}]`,
      `criteria[${unknown}] must be one of ${known.join(', ')} with met true or false`,
    );
  if (command.outcome === 'competent') {
    const unmet = known.find((criterion) => !command.criteria.some((c) => c.criterion === criterion && c.met));
    if (unmet)
      return invalid(
        'consent.competence-needs-every-criterion',
        'outcome',
        `Competent needs every ${command.framework} criterion met; not met: ${unmet}`,
      );
  }
  return undefined;
}

function recordExpiry(
  command: { consentId: string; childId: string; today: IsoDate },
  state: ConsentState,
): ConsentEvent[] | DomainError {
  const error = firstError(requireText(command.consentId, 'consentId'), requireDate(command.today, 'today'));
  if (error) return error;
  const decision = findDecision(state, command.consentId);
  if (!decision || decision.kind !== 'given')
    return new DomainError('consent.unknown', `No consent ${command.consentId} is recorded for this child`);
  if (decision.expiryRecordedOn)
    return new DomainError('consent.already-expired', `Consent ${command.consentId} expired on ${decision.expiresOn}`);
  if (decision.withdrawnAt)
    return new DomainError(
      'consent.already-withdrawn',
      `Consent ${command.consentId} was withdrawn at ${decision.withdrawnAt}`,
    );
  if (!isIsoDate(decision.expiresOn) || command.today < decision.expiresOn) {
    return new DomainError('consent.not-yet-expired', `Consent ${command.consentId} runs until ${decision.expiresOn}`);
  }
  return [
    {
      type: 'ConsentExpired',
      data: { consentId: command.consentId, childId: command.childId, expiredOn: decision.expiresOn },
    },
  ];
}

const withDecision = (
  state: ConsentState,
  consentId: string,
  change: (d: ConsentDecision) => ConsentDecision,
): ConsentState => ({
  ...state,
  decisions: state.decisions.map((d) => (d.consentId === consentId ? change(d) : d)),
});

export const consentDecider: Decider<ConsentCommand, ConsentEvent, ConsentState> = {
  initialState: emptyConsentState,

  decide(command, state) {
    switch (command.type) {
      case 'GiveConsent':
        return giveConsent(command, state);
      case 'RefuseConsent':
        return refuseConsent(command, state);
      case 'WithdrawConsent':
        return withdrawConsent(command, state);
      case 'RecordConsentExpiry':
        return recordExpiry(command, state);
      case 'AssessCompetence':
        return assessCompetence(command, state);
    }
  },

  evolve(state, event) {
    const sequence = state.eventCount;
    const next = { ...state, eventCount: state.eventCount + 1 };
    const standing = (d: { childAge: number; childCompetent: boolean; competenceAssessmentId?: string }) => ({
      childAge: d.childAge,
      childCompetent: d.childCompetent,
      ...(d.competenceAssessmentId ? { competenceAssessmentId: d.competenceAssessmentId } : {}),
    });
    switch (event.type) {
      case 'ConsentGiven':
      case 'ConsentRefused': {
        const given = event.type === 'ConsentGiven' ? event.data : undefined;
        const decision: ConsentDecision = {
          consentId: event.data.consentId,
          kind: given ? 'given' : 'refused',
          giver: event.data.giver,
          scope: event.data.scope,
          effectiveOn: given ? given.startsOn : (event.data as { refusedOn: IsoDate }).refusedOn,
          ...(given ? { expiresOn: given.expiresOn } : {}),
          ...standing(event.data),
          sequence,
        };
        return { ...next, decisions: [...state.decisions, decision] };
      }
      case 'ConsentWithdrawn':
        return withDecision(next, event.data.consentId, (d) => ({
          ...d,
          withdrawnAt: event.data.withdrawnAt,
          withdrawnBy: event.data.withdrawnBy,
        }));
      case 'ConsentExpired':
        return withDecision(next, event.data.consentId, (d) => ({ ...d, expiryRecordedOn: event.data.expiredOn }));
      case 'CompetenceAssessed':
        return {
          ...next,
          assessments: [
            ...state.assessments,
            {
              assessmentId: event.data.assessmentId,
              assessedOn: event.data.assessedOn,
              framework: event.data.framework,
              outcome: event.data.outcome,
              childAge: event.data.childAge,
              sequence,
            },
          ],
        };
    }
  },
};
