import { basisInWords } from '../../sharing/report-words';
import { DSL_OUTCOME_WORDS, URGENCY_WORDS } from './concern-words';

type Act = Record<string, any>;
export interface TimelineEntry {
  readonly title: string;
  readonly by?: string;
  /** A day (YYYY-MM-DD) or an instant. */
  readonly on: string | Date;
  readonly text: string;
}

/**
 * What happened to a concern, oldest first, each with who recorded it: built from the read
 * model's acts as the school (or social care) holds them, nothing more.
 */
export function concernTimeline(concern: Act, nameOf: (userId: string | undefined) => string): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (concern.raisedAt) entries.push({ title: 'Concern raised', by: nameOf(concern.raisedBy?.userId), on: concern.raisedAt, text: concern.seenOrHeard ?? '' });
  if (concern.reviewedOn && concern.dslOutcome) entries.push({ title: `Reviewed by the DSL: ${DSL_OUTCOME_WORDS[concern.dslOutcome] ?? concern.dslOutcome}`, on: concern.reviewedOn, text: concern.dslReasons ?? '' });
  const referral = concern.referral;
  if (referral && concern.referredOn) {
    entries.push({
      title: "Referred to children's social care",
      by: nameOf(referral.referredBy?.userId),
      on: concern.referredOn,
      text: `${basisInWords(referral.basis)}. Urgency: ${URGENCY_WORDS[referral.urgency] ?? referral.urgency}. ${referral.summary ?? ''}`,
    });
  }
  const decision = concern.decision as Act | null;
  if (decision) entries.push({ title: `Social care decided: ${decision.decision}`, by: nameOf(decision.decidedBy?.userId), on: decision.decidedOn, text: lateOr(decision, decision.reasons) });
  if (concern.strategyDiscussion) entries.push({ title: 'Strategy discussion held', by: nameOf(concern.strategyDiscussion.recordedBy?.userId), on: concern.strategyDiscussion.heldOn, text: concern.strategyDiscussion.outcome ?? '' });
  if (concern.assessment) entries.push({ title: 'Assessment completed', by: nameOf(concern.assessment.recordedBy?.userId), on: concern.assessment.completedOn, text: lateOr(concern.assessment, concern.assessment.outcome) });
  for (const c of (concern.conferences ?? []) as Act[]) {
    entries.push({ title: `${c.kind === 'initial' ? 'Initial' : 'Review'} child protection conference`, by: nameOf(c.recordedBy?.userId), on: c.heldOn, text: lateOr(c, c.childProtectionPlan ? 'A child protection plan was made.' : 'No child protection plan.') });
  }
  for (const g of (concern.coreGroups ?? []) as Act[]) entries.push({ title: 'Core group met', by: nameOf(g.recordedBy?.userId), on: g.heldOn, text: lateOr(g, '') });
  for (const r of (concern.reports ?? []) as Act[]) entries.push({ title: `Learning mentor's report for the ${r.forMeeting}`, by: nameOf(r.submittedBy?.userId), on: r.submittedOn, text: r.report?.progress ?? '' });
  // Instants come from the database as Dates, days as text: ordered by the day each happened.
  const dated = entries.map((e) => ({ ...e, on: iso(e.on) }));
  return dated.sort((a, b) => (a.on.slice(0, 10) < b.on.slice(0, 10) ? -1 : a.on.slice(0, 10) > b.on.slice(0, 10) ? 1 : 0));
}

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

const lateOr = (act: Act, text: string) => (act.breach ? `${text} Late: due by ${act.breach.dueBy}; ${act.breach.reason}`.trim() : text);
