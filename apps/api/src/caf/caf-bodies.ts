import { bodyShape, day, flag, list, oneOf, optional, record, text } from '../http/body-shape';

/** The bodies of a CAF's steps: ids, the actor and consent are the platform's; practitioners are named by user id. */
export class StartCafBody extends bodyShape({ childId: text(100), startedOn: day(), reasonForAssessment: text() }) {}

const withheld = optional(record('Withheld from the family-held copy, with the reason'));

export class ContributionBody extends bodyShape({
  domain: text(100),
  element: text(100),
  text: text(),
  recordedOn: day(),
  secondHand: optional(flag()),
  withheldFromFamily: withheld,
}) {}

export class CorrectionBody extends bodyShape({
  supersedes: text(100),
  text: text(),
  correctionReason: text(),
  recordedOn: day(),
  secondHand: optional(flag()),
  withheldFromFamily: withheld,
}) {}

export class ViewsBody extends bodyShape({ whose: oneOf(['child', 'family']), views: text(), recordedOn: day() }) {}

export class CompletionBody extends bodyShape({ completedOn: day(), summary: text() }) {}

export class TacMeetingBody extends bodyShape({
  heldOn: day(),
  attendees: list('User ids of the practitioners present'),
  familyPresent: flag(),
  notes: text(),
  nextReviewOn: optional(day()),
}) {}

export class LeadProfessionalBody extends bodyShape({
  leadProfessional: text(100),
  appointedOn: day(),
  agreedWithFamily: flag(),
}) {}

export class HandOverBody extends bodyShape({ to: text(100), handedOverOn: day(), reason: text() }) {}

export class PlanActionBody extends bodyShape({
  action: text(),
  ownerAgencyId: text(100),
  ownerUserId: optional(text(100)),
  dueBy: day(),
  agreedOn: day(),
}) {}

export class PlanActionUpdateBody extends bodyShape({
  actionId: text(100),
  status: text(50),
  note: optional(text()),
  updatedOn: day(),
}) {}

export class CafReviewBody extends bodyShape({ reviewedOn: day(), summary: text(), nextReviewOn: optional(day()) }) {}

export class CafClosureBody extends bodyShape({ closedOn: day(), outcome: text(50), summary: text() }) {}
