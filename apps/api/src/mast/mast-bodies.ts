import { bodyShape, count, day, list, oneOf, record, optional, text } from '../http/body-shape';

/** The bodies of a MAST request's and a panel's steps: ids, the actor, consent and today are the platform's. */
export class MakeMastRequestBody extends bodyShape({
  childId: text(100),
  parentsInvolved: list('The parents involved in the request'),
  needs: text(),
  alreadyTried: text(),
  levelOfNeed: count(),
}) {}

export class ResponseSentBody extends bodyShape({ sentOn: day(), breachReason: optional(text()) }) {}

export class FirstContactBody extends bodyShape({ contactOn: day(), breachReason: optional(text()) }) {}

export class BreachBody extends bodyShape({ deadline: oneOf(['response', 'first-contact']), reason: text() }) {}

export class MastEndingBody extends bodyShape({ endedOn: day(), reason: text() }) {}

export class SchedulePanelBody extends bodyShape({ panelDate: day() }) {}

export class PanelDecisionBody extends bodyShape({
  requestId: text(100),
  decision: record('The decision: kind, and the worker allocated'),
  reason: text(),
}) {}

export class ConflictBody extends bodyShape({ requestId: text(100), memberId: text(100), nature: text() }) {}

export class PanelMemberBody extends bodyShape({ userId: text(100) }) {}

export class MinutesBody extends bodyShape({ minutes: text() }) {}
