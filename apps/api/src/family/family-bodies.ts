import { FAMILY_MEMBER_KINDS } from '@app/domain';
import { bodyShape, day, oneOf, optional, record, text } from '../http/body-shape';

/** The school links an account: who, as what, and what it checked (the rules are the family domain's). */
export class LinkFamilyMemberBody extends bodyShape({
  userId: text(100),
  kind: oneOf(FAMILY_MEMBER_KINDS),
  relationship: optional(text(50)),
  evidence: record(
    'What the school checked: checked (parental-responsibility, admission-form, birth-certificate, court-order, placement-order, identity-in-person), documentRef, checkedOn, notes',
  ),
  linkedOn: day(),
}) {}

export class UnlinkFamilyMemberBody extends bodyShape({ reason: text(2000), unlinkedOn: day() }) {}

/** The family withdraws through the platform: who they are and the evidence are the platform's to record. */
export class FamilyWithdrawalBody extends bodyShape({ reason: optional(text(1000)) }) {}
