import { bodyShape, count, day, flag, list, optional, record, text } from '../http/body-shape';

/** The bodies of R.A.F.I.E.'s steps: ids, consent and the child's date of birth are the platform's. */
export class MakeReferralBody extends bodyShape({
  childId: text(100),
  schoolId: text(100),
  referredOn: day(),
  source: text(100),
  referrer: record('Who referred: kind and name'),
  referrerName: optional(text(200)),
  referringAgencyId: optional(text(100)),
  reasons: list('Barriers to learning'),
  reasonsDetail: optional(text()),
  profile: optional(record('Primary Assessment Profile')),
}) {}

export class ProfileBody extends bodyShape({ profile: record('Primary Assessment Profile') }) {}

export class TriageBody extends bodyShape({
  triagedOn: day(),
  priority: text(50),
  levelOfNeed: count(),
  baeCategory: text(50),
  outcome: text(50),
  mentorId: optional(text(100)),
  workMode: optional(text(50)),
  reason: optional(text()),
}) {}

export class MentoringAgreementBody extends bodyShape({
  signedOn: day(),
  signedByChild: flag(),
  signedByMentor: flag(),
  confidentialityExplained: flag(),
  documentRef: optional(text(200)),
}) {}

export class AssessmentBody extends bodyShape({
  assessedOn: day(),
  strengths: list(),
  needs: list(),
  needsStatement: text(),
  baseline: record('Attendance, behaviour and other measures at the start'),
  childView: text(),
  toolsUsed: optional(list()),
}) {}

export class TargetsBody extends bodyShape({ setOn: day(), goals: list(), targets: list('SMART targets') }) {}

export class ActionPlanBody extends bodyShape({
  agreedOn: day(),
  strategies: list(),
  services: list(),
  interventionLength: text(50),
  plannedEndOn: optional(day()),
  reviewOn: day(),
  targetIds: list(),
}) {}

export class SessionBody extends bodyShape({
  heldOn: day(),
  kind: text(50),
  attended: flag(),
  durationMinutes: optional(count()),
  targetIds: optional(list()),
  notes: list('Session notes, second-hand information marked'),
}) {}

export class ReferralReviewBody extends bodyShape({
  heldOn: day(),
  progress: list('Progress per target'),
  outcome: text(50),
  nextReviewOn: optional(day()),
  childView: optional(text()),
}) {}

export class EndingBody extends bodyShape({
  plannedOn: day(),
  sessionsRemaining: count(),
  endOn: day(),
  fading: list(),
}) {}

export class ReferralClosureBody extends bodyShape({
  closedOn: day(),
  reason: text(50),
  reasonDetail: optional(text()),
  exit: record('Attendance and behaviour at exit'),
  evaluation: optional(text()),
  followUpDueOn: optional(day()),
  referredOnTo: optional(text(100)),
}) {}

export class FollowUpBody extends bodyShape({
  heldOn: day(),
  outcome: text(50),
  measures: optional(record()),
  note: optional(text()),
}) {}
