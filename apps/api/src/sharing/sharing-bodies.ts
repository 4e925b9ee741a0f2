import { bodyShape, day, list, oneOf, optional, record, text } from '../http/body-shape';

/** The bodies of a sharing decision's steps: ids, the actor, the time, consent and disclosed values are the platform's. */
export class ProposeSharingBody extends bodyShape({
  childId: text(100),
  origin: oneOf(['request', 'proactive']),
  askedBy: optional(record('The practitioner who asked')),
  purpose: text(),
  recipient: record('The agency (and person) it would go to'),
  categories: list('Information categories'),
}) {}

export class LawfulBasisBody extends bodyShape({
  basis: record('The lawful basis claimed; consent is read by the platform'),
}) {}

export class ChecklistBody extends bodyShape({ answers: list('Box 16 checklist answers') }) {}

export class ApprovalBody extends bodyShape({ discussion: text() }) {}

export class SharingDecisionBody extends bodyShape({
  outcome: text(50),
  items: list('What is (or is not) shared: records and fields'),
  reasons: text(),
  redactions: list(),
  familyTold: record('Whether the family is told, how, or why not'),
  validUntil: day(),
}) {}

export class DisclosureBody extends bodyShape({
  recipient: record(),
  items: list('Records and fields disclosed'),
  channel: text(50),
}) {}

export class CorrectionNoticesBody extends bodyShape({
  recordRef: text(200),
  corrected: record('The corrected fields'),
  reason: text(),
}) {}
