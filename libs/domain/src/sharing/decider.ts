import { practitionerOf } from '../multi-agency';
import {
  type Actor,
  type Decider,
  DomainError,
  firstError,
  isDomainError,
  isInformationCategory,
  dayOf,
  type IsoDate,
  isIsoDate,
  isIsoInstant,
  requireText,
  invalid,
} from '../shared';
import type { SharingCommand } from './commands';
import type { DisclosedContent, DisclosedItem, SharingEvent } from './events';
import { familyToldError } from './family-told';
import { beyondDecision, decisionItems, disclosureItems } from './items';
import { redact } from './redaction';
import { consentBasis } from './lawful-basis';
import type { SharingState } from './state';

type ProposedSharing = Exclude<SharingState, { status: 'none' }>;
import {
  APPROVER_ROLES,
  BOX_16_CHECKLIST,
  CHECKLIST_ANSWERS,
  DISCLOSURE_CHANNELS,
  GOLDEN_RULES,
  SHARING_OUTCOMES,
  WITHOUT_CONSENT_GROUNDS,
} from './vocabulary';

const REQUIRED_ANSWERS = [...BOX_16_CHECKLIST, ...GOLDEN_RULES];

const isFamily = (actor: Actor) => actor.role === 'parent-carer' || actor.role === 'young-person';

/** The values of each disclosed item: exactly its fields, from the record the platform read, redacted. */
const contentOf = (
  items: readonly DisclosedItem[],
  values: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
  redactions: readonly string[],
): DisclosedContent[] =>
  items.map((item) => {
    const record = values[item.recordRef];
    return {
      recordRef: item.recordRef,
      category: item.category,
      values: Object.fromEntries(item.fields.filter((f) => f in record).map((f) => [f, redact(record[f], redactions)])),
    };
  });

const idsOf = (state: ProposedSharing) => ({ sharingId: state.sharingId, childId: state.childId });

function proposeSharing(
  command: Extract<SharingCommand, { type: 'ProposeSharing' }>,
  state: SharingState,
): SharingEvent[] | DomainError {
  if (state.status !== 'none')
    return new DomainError('sharing.already-proposed', 'This sharing decision already exists');
  const bad = firstError(
    command.origin === 'request' || command.origin === 'proactive'
      ? undefined
      : invalid('sharing.origin', 'origin', 'origin is request or proactive'),
    requireText(command.purpose, 'purpose', 'sharing.purpose-required'),
    typeof command.recipient?.agencyId === 'string'
      ? undefined
      : invalid('sharing.recipient', 'recipient.agencyId', 'recipient.agencyId is required'),
    Array.isArray(command.categories) &&
      command.categories.length > 0 &&
      command.categories.every(isInformationCategory)
      ? undefined
      : invalid('sharing.categories', 'categories', 'categories must list categories of information'),
    command.origin === 'request' && !command.askedBy
      ? invalid('sharing.asked-by', 'askedBy', 'A request names who asked')
      : undefined,
  );
  if (bad) return bad;
  const proposedBy = practitionerOf(command.by);
  return [
    {
      type: 'SharingProposed',
      data: {
        sharingId: command.sharingId,
        childId: command.childId,
        origin: command.origin,
        askedBy: command.askedBy ?? proposedBy,
        proposedBy,
        purpose: command.purpose,
        recipient: {
          agencyId: command.recipient.agencyId,
          ...(command.recipient.userId ? { userId: command.recipient.userId } : {}),
        },
        categories: [...new Set(command.categories)],
        proposedAt: command.at,
      },
    },
  ];
}

function recordLawfulBasis(
  command: Extract<SharingCommand, { type: 'RecordLawfulBasis' }>,
  state: ProposedSharing,
): SharingEvent[] | DomainError {
  const ids = idsOf(state);
  if (state.status === 'decided')
    return new DomainError('sharing.already-decided', 'The decision is made; its basis cannot change');
  const claim = command.basis;
  if (claim?.kind === 'consent') {
    const basis = consentBasis(claim.coverage, state.categories, 'sharing.consent-does-not-cover');
    if (isDomainError(basis)) return basis;
    return [{ type: 'LawfulBasisRecorded', data: { ...ids, basis, recordedBy: practitionerOf(command.by) } }];
  }
  if (claim?.kind !== 'without-consent')
    return invalid('sharing.basis', 'basis.kind', 'basis.kind is consent or without-consent');
  const bad = firstError(
    (WITHOUT_CONSENT_GROUNDS as readonly string[]).includes(claim.ground)
      ? undefined
      : invalid(
          'sharing.ground',
          'basis.ground',
          `basis.ground is one of ${WITHOUT_CONSENT_GROUNDS.join(', ')} (Box 13)`,
        ),
    requireText(claim.justification, 'basis.justification', 'sharing.justification-required'),
  );
  if (bad) return bad;
  return [
    {
      type: 'LawfulBasisRecorded',
      data: {
        ...ids,
        basis: { kind: 'without-consent', ground: claim.ground, justification: claim.justification },
        recordedBy: practitionerOf(command.by),
      },
    },
  ];
}

function answerSharingChecklist(
  command: Extract<SharingCommand, { type: 'AnswerSharingChecklist' }>,
  state: ProposedSharing,
): SharingEvent[] | DomainError {
  const ids = idsOf(state);
  if (state.status === 'decided') return new DomainError('sharing.already-decided', 'The decision is made');
  if (!Array.isArray(command.answers))
    return invalid('sharing.checklist', 'answers', 'answers must be a list of { item, answer }');
  for (const [i, a] of command.answers.entries()) {
    if (!(REQUIRED_ANSWERS as readonly string[]).includes(a?.item))
      return invalid(
        'sharing.checklist',
        `answers[${i}].item`,
        `answers[${i}].item is not on Box 16 or the golden rules`,
      );
    if (!(CHECKLIST_ANSWERS as readonly string[]).includes(a.answer))
      return invalid(
        'sharing.checklist',
        `answers[${i}].answer`,
        `answers[${i}].answer is ${CHECKLIST_ANSWERS.join(', ')}`,
      );
    // A "no" is where the reasoning matters most: it is recorded with why.
    if (a.answer === 'no' && (typeof a.note !== 'string' || a.note.trim() === ''))
      return invalid('sharing.no-needs-a-note', `answers[${i}].note`, `answers[${i}] is "no"; say why in its note`);
  }
  return [
    {
      type: 'SharingChecklistAnswered',
      data: {
        ...ids,
        answers: command.answers.map((a) => ({ item: a.item, answer: a.answer, ...(a.note ? { note: a.note } : {}) })),
        answeredBy: practitionerOf(command.by),
      },
    },
  ];
}

function approveSharing(
  command: Extract<SharingCommand, { type: 'ApproveSharing' }>,
  state: ProposedSharing,
): SharingEvent[] | DomainError {
  const ids = idsOf(state);
  if (state.status === 'decided') return new DomainError('sharing.already-decided', 'The decision is made');
  if (!(APPROVER_ROLES as readonly string[]).includes(command.by.role)) {
    return new DomainError(
      'sharing.approver-role',
      `Sharing without consent is approved by a ${APPROVER_ROLES.join(' or ')}`,
      'forbidden',
    );
  }
  if (command.by.userId === state.proposedBy.userId)
    return new DomainError(
      'sharing.approver-is-proposer',
      'The proposer cannot approve their own proposal',
      'forbidden',
    );
  const bad = requireText(command.discussion, 'discussion', 'sharing.discussion-required');
  if (bad) return bad;
  return [
    {
      type: 'SharingApproved',
      data: { ...ids, approvedBy: practitionerOf(command.by), discussion: command.discussion, approvedAt: command.at },
    },
  ];
}

function decideSharing(
  command: Extract<SharingCommand, { type: 'DecideSharing' }>,
  state: ProposedSharing,
): SharingEvent[] | DomainError {
  const ids = idsOf(state);
  if (state.status === 'decided') return new DomainError('sharing.already-decided', 'The decision is made');
  const bad = firstError(
    (SHARING_OUTCOMES as readonly string[]).includes(command.outcome)
      ? undefined
      : invalid('sharing.outcome', 'outcome', `outcome is ${SHARING_OUTCOMES.join(', ')}`),
    requireText(command.reasons, 'reasons', 'sharing.reasons-required'),
    isIsoDate(command.validUntil)
      ? undefined
      : invalid('sharing.valid-until', 'validUntil', 'validUntil must be a day (YYYY-MM-DD)'),
    familyToldError('sharing', 'familyTold', command.familyTold),
    Array.isArray(command.redactions) && command.redactions.every((r) => typeof r === 'string')
      ? undefined
      : invalid('sharing.redactions', 'redactions', 'redactions must be a list of names'),
    isIsoInstant(command.at) ? undefined : invalid('sharing.at', 'at', 'at must be an instant'),
  );
  if (bad) return bad;
  const unanswered = REQUIRED_ANSWERS.filter((item) => !state.answered.includes(item));
  if (unanswered.length > 0)
    return new DomainError(
      'sharing.checklist-incomplete',
      `Box 16 and the golden rules are answered first; missing: ${unanswered.join(', ')}`,
    );
  const decision = { validUntil: command.validUntil, redactions: [...command.redactions] };
  if (command.outcome === 'refuse') {
    return [
      {
        type: 'SharingDecided',
        data: {
          ...ids,
          outcome: 'refuse',
          items: [],
          reasons: command.reasons,
          familyTold: command.familyTold,
          basis: state.basis ?? null,
          ...decision,
          decidedBy: practitionerOf(command.by),
          decidedAt: command.at,
        },
      },
    ];
  }
  const catalogued = decisionItems(command.items);
  if (isDomainError(catalogued)) return catalogued;
  const outside = catalogued.items.find((item) => !state.categories.includes(item.category));
  if (outside) {
    return new DomainError(
      'sharing.items-beyond-request',
      `${outside.fields[0]} is ${outside.category}, which was not part of what was proposed (${state.categories.join(', ')})`,
      'forbidden',
      'items',
    );
  }
  if (!state.basis)
    return new DomainError('sharing.no-lawful-basis', 'No lawful basis is recorded: consent, or a Box 13 ground');
  let basis = state.basis;
  if (basis.kind === 'without-consent' && !state.approvedBy) {
    return new DomainError(
      'sharing.approval-required',
      'Sharing without consent needs the recorded approval of a DSL or senior colleague',
    );
  }
  if (basis.kind === 'consent') {
    const again = consentBasis(
      command.coverage,
      [...new Set(catalogued.items.map((i) => i.category))],
      'sharing.consent-no-longer-covers',
    );
    if (isDomainError(again)) return new DomainError(again.rule, again.message, 'forbidden');
    basis = again;
  }
  if (catalogued.misnamed) return catalogued.misnamed;
  return [
    {
      type: 'SharingDecided',
      data: {
        ...ids,
        outcome: command.outcome,
        items: catalogued.items,
        reasons: command.reasons,
        familyTold: command.familyTold,
        basis,
        ...decision,
        decidedBy: practitionerOf(command.by),
        decidedAt: command.at,
      },
    },
  ];
}

function makeDisclosure(
  command: Extract<SharingCommand, { type: 'MakeDisclosure' }>,
  state: ProposedSharing,
): SharingEvent[] | DomainError {
  const ids = idsOf(state);
  const decision = state.decision;
  if (!decision || decision.outcome === 'refuse')
    return new DomainError('sharing.not-approved', 'Nothing may be disclosed without a decision to share', 'forbidden');
  const bad = firstError(
    (DISCLOSURE_CHANNELS as readonly string[]).includes(command.channel)
      ? undefined
      : invalid('sharing.channel', 'channel', `channel is ${DISCLOSURE_CHANNELS.join(', ')}`),
    isIsoInstant(command.at) ? undefined : invalid('sharing.at', 'at', 'at must be an instant'),
  );
  if (bad) return bad;
  if (
    command.recipient?.agencyId !== state.recipient.agencyId ||
    (state.recipient.userId && command.recipient.userId !== state.recipient.userId)
  ) {
    return new DomainError(
      'sharing.beyond-scope',
      `The decision is to share with ${state.recipient.agencyId}${state.recipient.userId ? ` (${state.recipient.userId})` : ''} only`,
      'forbidden',
    );
  }
  const values = command.values ?? {};
  const catalogued = disclosureItems(command.items, values);
  if (isDomainError(catalogued)) return catalogued;
  const beyond = beyondDecision(decision.items, catalogued.items);
  if (beyond)
    return new DomainError(
      'sharing.beyond-scope',
      `${beyond.item.recordRef}: ${beyond.field} is ${beyond.item.category}, beyond what was decided`,
      'forbidden',
    );
  const day: IsoDate = dayOf(command.at);
  if (day > decision.validUntil)
    return new DomainError(
      'sharing.decision-expired',
      `The decision allowed disclosures until ${decision.validUntil}`,
      'forbidden',
    );
  let basis = state.basis!;
  if (basis.kind === 'consent') {
    const again = consentBasis(
      command.coverage,
      [...new Set(catalogued.items.map((i) => i.category))],
      'sharing.consent-no-longer-covers',
    );
    if (isDomainError(again)) return new DomainError(again.rule, again.message, 'forbidden');
    basis = again;
  }
  if (catalogued.misnamed) return catalogued.misnamed;
  return [
    {
      type: 'DisclosureMade',
      data: {
        ...ids,
        disclosureId: command.disclosureId,
        recipient: {
          agencyId: command.recipient.agencyId,
          ...(command.recipient.userId ? { userId: command.recipient.userId } : {}),
        },
        items: catalogued.items,
        content: contentOf(catalogued.items, values, decision.redactions),
        channel: command.channel,
        basis,
        disclosedBy: practitionerOf(command.by),
        disclosedAt: command.at,
      },
    },
  ];
}

function issueCorrectionNotices(
  command: Extract<SharingCommand, { type: 'IssueCorrectionNotices' }>,
  state: ProposedSharing,
): SharingEvent[] | DomainError {
  const ids = idsOf(state);
  const bad = firstError(
    requireText(command.recordRef, 'recordRef', 'sharing.record-ref'),
    requireText(command.reason, 'reason', 'sharing.correction-reason-required'),
    command.corrected && typeof command.corrected === 'object' && Object.keys(command.corrected).length > 0
      ? undefined
      : invalid('sharing.corrected', 'corrected', 'corrected names the corrected fields and their values'),
  );
  if (bad) return bad;
  const earlier = state.disclosures.filter((d) => d.items.some((i) => i.recordRef === command.recordRef));
  if (earlier.length === 0)
    return new DomainError(
      'sharing.record-not-disclosed',
      `${command.recordRef} was not disclosed under this decision`,
    );
  // Each recipient hears only of the fields it received, and only once.
  return earlier.flatMap((d) => {
    const item = d.items.find((i) => i.recordRef === command.recordRef)!;
    const corrected = Object.fromEntries(
      Object.entries(command.corrected).filter(([field]) => item.fields.includes(field)),
    );
    const noticeId = `${command.correctionId}:${d.disclosureId}`;
    if (Object.keys(corrected).length === 0 || state.notices.includes(noticeId)) return [];
    return [
      {
        type: 'CorrectionNoticeIssued' as const,
        data: {
          noticeId,
          ...ids,
          disclosureId: d.disclosureId,
          recipient: d.recipient,
          recordRef: command.recordRef,
          category: item.category,
          corrected: redact(corrected, state.decision?.redactions ?? []) as Record<string, unknown>,
          reason: command.reason,
          issuedBy: practitionerOf(command.by),
          issuedAt: command.at,
        },
      },
    ];
  });
}

/**
 * A sharing decision and the disclosures made under it (003 §1d, Boxes 13–16). Nothing is
 * disclosed without a recorded lawful basis: consent checked when deciding and again when
 * disclosing, or a Box 13 ground with a senior colleague's approval.
 */
export const sharingDecider: Decider<SharingCommand, SharingEvent, SharingState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (isFamily(command.by))
      return new DomainError('sharing.practitioners-only', 'Sharing decisions are made by practitioners', 'forbidden');
    if (command.type === 'ProposeSharing') return proposeSharing(command, state);
    if (state.status === 'none') return new DomainError('sharing.not-proposed', 'No such sharing decision');

    switch (command.type) {
      case 'RecordLawfulBasis':
        return recordLawfulBasis(command, state);
      case 'AnswerSharingChecklist':
        return answerSharingChecklist(command, state);
      case 'ApproveSharing':
        return approveSharing(command, state);
      case 'DecideSharing':
        return decideSharing(command, state);
      case 'MakeDisclosure':
        return makeDisclosure(command, state);
      case 'IssueCorrectionNotices':
        return issueCorrectionNotices(command, state);
    }
    return new DomainError('sharing.unknown-command', 'Unknown command', 'invalid', 'type');
  },

  evolve(state, event) {
    if (event.type === 'SharingProposed') {
      const d = event.data;
      return {
        status: 'proposed',
        sharingId: d.sharingId,
        childId: d.childId,
        proposedBy: d.proposedBy,
        recipient: d.recipient,
        categories: d.categories,
        answered: [],
        disclosures: [],
        notices: [],
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'LawfulBasisRecorded':
        return { ...state, basis: event.data.basis };
      case 'SharingChecklistAnswered':
        return { ...state, answered: [...new Set([...state.answered, ...event.data.answers.map((a) => a.item)])] };
      case 'SharingApproved':
        return { ...state, approvedBy: event.data.approvedBy };
      case 'SharingDecided': {
        const d = event.data;
        return {
          ...state,
          status: 'decided',
          basis: d.basis ?? state.basis,
          decision: { outcome: d.outcome, items: d.items, validUntil: d.validUntil, redactions: d.redactions },
        };
      }
      case 'DisclosureMade':
        return {
          ...state,
          disclosures: [
            ...state.disclosures,
            { disclosureId: event.data.disclosureId, recipient: event.data.recipient, items: event.data.items },
          ],
        };
      case 'CorrectionNoticeIssued':
        return { ...state, notices: [...state.notices, event.data.noticeId] };
      default:
        return state;
    }
  },
};
