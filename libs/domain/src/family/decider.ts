import {
  type Decider,
  DomainError,
  firstError,
  invalid,
  isText,
  notBefore,
  requireDate,
  requireNonEmptyList,
  requireOneOf,
  requireText,
} from '../shared';
import { PARENT_RELATIONSHIPS, type ParentRelationship } from '../consent/events';
import type { FamilyCommand, LinkFamilyMember, UnlinkFamilyMember } from './commands';
import { EVIDENCE_CHECKS, type EvidenceCheck, FAMILY_MEMBER_KINDS, type FamilyEvent } from './events';
import { emptyFamilyState, type FamilyState, liveLinks } from './state';

/** What each kind of account must have had checked before it is linked. */
const REQUIRED_CHECK: Record<LinkFamilyMember['kind'], { check: EvidenceCheck; rule: string; why: string }> = {
  'parent-carer': {
    check: 'parental-responsibility',
    rule: 'family.parental-responsibility-unchecked',
    why: 'A parent or carer is linked once their parental responsibility is confirmed',
  },
  'young-person': {
    check: 'identity-in-person',
    rule: 'family.identity-unchecked',
    why: 'A young person is linked once the school has seen them in person with the account',
  },
};

function checkEvidence(command: LinkFamilyMember): DomainError | undefined {
  const evidence = command.evidence;
  const checked = evidence?.checked as readonly unknown[] | undefined;
  const unknown = Array.isArray(checked)
    ? checked.findIndex((c) => !(EVIDENCE_CHECKS as readonly unknown[]).includes(c))
    : -1;
  const required = REQUIRED_CHECK[command.kind];
  return firstError(
    requireNonEmptyList(checked, 'evidence.checked'),
    () =>
      unknown >= 0
        ? invalid(
            'value.not-allowed',
            `evidence.checked[${unknown}]`,
            `evidence.checked[${unknown}] must be one of: ${EVIDENCE_CHECKS.join(', ')}`,
          )
        : undefined,
    () =>
      checked?.includes(required.check)
        ? undefined
        : invalid(
            required.rule,
            'evidence.checked',
            `${required.why}: evidence.checked must include ${required.check}`,
          ),
    () => requireText(evidence.documentRef, 'evidence.documentRef'),
    () => requireDate(evidence.checkedOn, 'evidence.checkedOn'),
    () =>
      evidence.notes === undefined || isText(evidence.notes)
        ? undefined
        : invalid('value.text-required', 'evidence.notes', 'evidence.notes must be a non-empty text when given'),
    () =>
      evidence.checkedOn > command.linkedOn
        ? invalid(
            'family.evidence-after-link',
            'evidence.checkedOn',
            `evidence.checkedOn (${evidence.checkedOn}) is after linkedOn (${command.linkedOn}): the relationship is checked before the account is linked`,
          )
        : undefined,
  );
}

/** A parent or carer says who they are to the child; the young person is the child, and has no relationship to name. */
function checkRelationship(command: LinkFamilyMember): DomainError | undefined {
  if (command.kind === 'young-person') {
    return command.relationship === undefined
      ? undefined
      : invalid(
          'family.young-person-has-no-relationship',
          'relationship',
          'The young person is the child: relationship is for a parent or carer',
        );
  }
  return requireOneOf(command.relationship, PARENT_RELATIONSHIPS, 'relationship');
}

function link(command: LinkFamilyMember, state: FamilyState): FamilyEvent[] | DomainError {
  const error = firstError(
    requireText(command.linkId, 'linkId'),
    requireText(command.userId, 'userId'),
    requireOneOf(command.kind, FAMILY_MEMBER_KINDS, 'kind'),
    () => checkRelationship(command),
    requireDate(command.linkedOn, 'linkedOn'),
    () => checkEvidence(command),
  );
  if (error) return error;
  if (state.links.some((l) => l.linkId === command.linkId))
    return new DomainError('family.link-id-already-used', `Link ${command.linkId} is already recorded`);
  const live = liveLinks(state);
  if (live.some((l) => l.userId === command.userId))
    return new DomainError('family.already-linked', `${command.userId} is already linked to this child`);
  // Only one account speaks as the child: a second would let someone else read as them.
  if (command.kind === 'young-person' && live.some((l) => l.kind === 'young-person')) {
    return new DomainError(
      'family.young-person-already-linked',
      'The child already has a young-person account linked; unlink it first',
    );
  }
  return [
    {
      type: 'FamilyMemberLinked',
      data: {
        linkId: command.linkId,
        childId: command.childId,
        userId: command.userId,
        kind: command.kind,
        ...(command.kind === 'parent-carer' ? { relationship: command.relationship as ParentRelationship } : {}),
        evidence: {
          checked: [...new Set(command.evidence.checked)],
          documentRef: command.evidence.documentRef,
          checkedOn: command.evidence.checkedOn,
          ...(command.evidence.notes !== undefined ? { notes: command.evidence.notes } : {}),
        },
        linkedOn: command.linkedOn,
        linkedBy: { userId: command.linkedBy.userId, role: command.linkedBy.role },
      },
    },
  ];
}

function unlink(command: UnlinkFamilyMember, state: FamilyState): FamilyEvent[] | DomainError {
  const error = firstError(
    requireText(command.linkId, 'linkId'),
    requireText(command.reason, 'reason'),
    requireDate(command.unlinkedOn, 'unlinkedOn'),
  );
  if (error) return error;
  const found = state.links.find((l) => l.linkId === command.linkId);
  if (!found)
    return new DomainError('family.link-unknown', `No family link ${command.linkId} is recorded for this child`);
  if (found.unlinkedOn)
    return new DomainError('family.already-unlinked', `Link ${command.linkId} ended on ${found.unlinkedOn}`);
  const order = notBefore('unlinkedOn', command.unlinkedOn, { what: 'the link', on: found.linkedOn });
  if (order) return order;
  return [
    {
      type: 'FamilyMemberUnlinked',
      data: {
        linkId: command.linkId,
        childId: command.childId,
        userId: found.userId,
        reason: command.reason,
        unlinkedOn: command.unlinkedOn,
        unlinkedBy: { userId: command.unlinkedBy.userId, role: command.unlinkedBy.role },
      },
    },
  ];
}

/** family-{childId}: which accounts the school has linked to the child, on what evidence, and when links ended. */
export const familyDecider: Decider<FamilyCommand, FamilyEvent, FamilyState> = {
  initialState: emptyFamilyState,

  decide(command, state) {
    switch (command.type) {
      case 'LinkFamilyMember':
        return link(command, state);
      case 'UnlinkFamilyMember':
        return unlink(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'FamilyMemberLinked':
        return {
          links: [
            ...state.links,
            {
              linkId: event.data.linkId,
              userId: event.data.userId,
              kind: event.data.kind,
              linkedOn: event.data.linkedOn,
            },
          ],
        };
      case 'FamilyMemberUnlinked':
        return {
          links: state.links.map((l) =>
            l.linkId === event.data.linkId ? { ...l, unlinkedOn: event.data.unlinkedOn } : l,
          ),
        };
    }
  },
};
