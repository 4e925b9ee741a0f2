import { basisInWords } from '../../sharing/report-words';
import { DSL_OUTCOME_WORDS, URGENCY_WORDS } from './concern-words';

type Who = { readonly userId?: string } | null | undefined;
/** An act as the read model keeps it: who recorded it and, when late, its breach. */
interface Act {
  readonly recordedBy?: Who;
  readonly breach?: { readonly dueBy: string; readonly reason: string };
}

/** A concern's row as `concern` and `concernAsReferred` read it (the school's fields absent from social care's view). */
export interface ConcernRow {
  readonly childId: string;
  readonly status: string;
  readonly revision?: string;
  readonly raisedAt?: string | Date;
  readonly raisedBy?: Who;
  readonly seenOrHeard?: string;
  readonly reviewedOn?: string;
  readonly dslOutcome?: string;
  readonly dslReasons?: string;
  readonly referredOn?: string;
  readonly referral?: {
    readonly referredBy?: Who;
    readonly basis?: { kind?: string; ground?: string };
    readonly urgency?: string;
    readonly summary?: string;
  } | null;
  readonly decision?:
    | (Act & {
        readonly decision: string;
        readonly decidedBy?: Who;
        readonly decidedOn: string;
        readonly reasons?: string;
      })
    | null;
  readonly strategyDiscussion?: (Act & { readonly heldOn: string; readonly outcome?: string }) | null;
  readonly assessment?: (Act & { readonly completedOn: string; readonly outcome: string }) | null;
  readonly conferences?: ReadonlyArray<
    Act & { readonly kind: string; readonly heldOn: string; readonly childProtectionPlan: boolean }
  >;
  readonly coreGroups?: ReadonlyArray<Act & { readonly heldOn: string }>;
  readonly reports?: ReadonlyArray<{
    readonly forMeeting: string;
    readonly submittedBy?: Who;
    readonly submittedOn: string;
    readonly report?: { readonly progress?: string };
  }>;
}
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
export function concernTimeline(concern: ConcernRow, nameOf: (userId: string | undefined) => string): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (concern.raisedAt)
    entries.push({
      title: 'Concern raised',
      by: nameOf(concern.raisedBy?.userId),
      on: concern.raisedAt,
      text: concern.seenOrHeard ?? '',
    });
  if (concern.reviewedOn && concern.dslOutcome)
    entries.push({
      title: `Reviewed by the DSL: ${DSL_OUTCOME_WORDS[concern.dslOutcome] ?? concern.dslOutcome}`,
      on: concern.reviewedOn,
      text: concern.dslReasons ?? '',
    });
  const referral = concern.referral;
  if (referral && concern.referredOn) {
    entries.push({
      title: "Referred to children's social care",
      by: nameOf(referral.referredBy?.userId),
      on: concern.referredOn,
      text: `${basisInWords(referral.basis)}. Urgency: ${URGENCY_WORDS[referral.urgency ?? ''] ?? referral.urgency}. ${referral.summary ?? ''}`,
    });
  }
  const decision = concern.decision;
  if (decision)
    entries.push({
      title: `Social care decided: ${decision.decision}`,
      by: nameOf(decision.decidedBy?.userId),
      on: decision.decidedOn,
      text: lateOr(decision, decision.reasons ?? ''),
    });
  if (concern.strategyDiscussion)
    entries.push({
      title: 'Strategy discussion held',
      by: nameOf(concern.strategyDiscussion.recordedBy?.userId),
      on: concern.strategyDiscussion.heldOn,
      text: concern.strategyDiscussion.outcome ?? '',
    });
  if (concern.assessment)
    entries.push({
      title: 'Assessment completed',
      by: nameOf(concern.assessment.recordedBy?.userId),
      on: concern.assessment.completedOn,
      text: lateOr(concern.assessment, concern.assessment.outcome),
    });
  for (const c of concern.conferences ?? []) {
    entries.push({
      title: `${c.kind === 'initial' ? 'Initial' : 'Review'} child protection conference`,
      by: nameOf(c.recordedBy?.userId),
      on: c.heldOn,
      text: lateOr(c, c.childProtectionPlan ? 'A child protection plan was made.' : 'No child protection plan.'),
    });
  }
  for (const g of concern.coreGroups ?? [])
    entries.push({ title: 'Core group met', by: nameOf(g.recordedBy?.userId), on: g.heldOn, text: lateOr(g, '') });
  for (const r of concern.reports ?? [])
    entries.push({
      title: `Learning mentor's report for the ${r.forMeeting}`,
      by: nameOf(r.submittedBy?.userId),
      on: r.submittedOn,
      text: r.report?.progress ?? '',
    });
  // Instants come from the database as Dates, days as text: ordered by the day each happened.
  const dated = entries.map((e) => ({ ...e, on: iso(e.on) }));
  return dated.sort((a, b) =>
    a.on.slice(0, 10) < b.on.slice(0, 10) ? -1 : a.on.slice(0, 10) > b.on.slice(0, 10) ? 1 : 0,
  );
}

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

const lateOr = (act: Act, text: string) =>
  act.breach ? `${text} Late: due by ${act.breach.dueBy}; ${act.breach.reason}`.trim() : text;
