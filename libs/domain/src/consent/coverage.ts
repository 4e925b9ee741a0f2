import {
  type ConsentPurpose,
  dayOf,
  type InformationCategory,
  instantOf,
  type IsoDate,
  type IsoInstant,
} from '../shared';
import type { ConsentRecipient } from './events';
import { decidesForThemselves } from './standing';
import type { ConsentDecision } from './state';

/** Is purpose P for recipient A on category C covered for this child at time T? */
export interface CoverageQuestion {
  readonly purpose: ConsentPurpose;
  readonly agencyId: ConsentRecipient;
  readonly category: InformationCategory;
  /** An instant, or a day (the whole of that day in England). */
  readonly at: IsoInstant | IsoDate;
}

export type NotCoveredReason =
  'no-consent' | 'out-of-scope' | 'not-yet-started' | 'refused' | 'withdrawn' | 'expired' | 'child-refusal-binds';

export type CoverageAnswer =
  | {
      readonly covered: true;
      readonly question: CoverageQuestion;
      readonly basis: 'consent';
      readonly consentId: string;
      readonly giverKind: 'parent-carer' | 'child';
    }
  | {
      /** Only for the parent as recipient: parents see their child's information unless the child's refusal binds (§1d). */
      readonly covered: true;
      readonly question: CoverageQuestion;
      readonly basis: 'parental-responsibility';
    }
  | {
      readonly covered: false;
      readonly question: CoverageQuestion;
      readonly reason: NotCoveredReason;
      /** The consent (or refusal) behind the answer, when there is one. */
      readonly consentId?: string;
      /** Human sentence naming the missing consent and why: the text API errors show. */
      readonly explanation: string;
    };

const covers = (d: ConsentDecision, q: CoverageQuestion): boolean =>
  d.scope.purposes.includes(q.purpose) &&
  d.scope.recipients.includes(q.agencyId) &&
  d.scope.categories.includes(q.category);

const withdrawnBy = (d: ConsentDecision, at: number): boolean =>
  d.withdrawnAt !== undefined && instantOf(d.withdrawnAt) <= at;
const expiredBy = (d: ConsentDecision, day: IsoDate): boolean =>
  (d.expiresOn !== undefined && d.expiresOn <= day) || (d.expiryRecordedOn !== undefined && d.expiryRecordedOn <= day);
const activeAt = (d: ConsentDecision, day: IsoDate, at: number): boolean =>
  d.kind === 'given' && !withdrawnBy(d, at) && !expiredBy(d, day);

const latest = (decisions: readonly ConsentDecision[]): ConsentDecision | undefined =>
  [...decisions].sort((a, b) => a.sequence - b.sequence).at(-1);

const describe = (q: CoverageQuestion): string => `${q.purpose} with ${q.agencyId} on ${q.category}`;

/**
 * The one answer every gate asks for. Rules (seed 003 §1d, Box 14, Box 15):
 * 1. A child who decides for themselves (12+, competent when they decided) has the last
 *    word about their own information: their latest live decision binds, a refusal or a
 *    withdrawal even against a parent's consent.
 * 2. The parent as recipient sees their child's information by parental responsibility,
 *    against the child's wishes only while those wishes do not bind (under 12).
 * 3. Otherwise the latest parent's-side decision stands: a refusal supersedes earlier
 *    consents; a consent given after it covers.
 * 4. Withdrawal takes effect at its instant for everything after; what came before stands.
 * 5. A consent covers from its start day until the day before it expires.
 */
export function consentCoverage(
  state: { readonly decisions: readonly ConsentDecision[] },
  question: CoverageQuestion,
): CoverageAnswer {
  const day = dayOf(question.at);
  const at = instantOf(question.at);
  const about = state.decisions.filter((d) => covers(d, question));
  const inForce = about.filter((d) => d.effectiveOn <= day);

  // An expired consent of the child's leaves no stance of theirs: the parents' side decides again.
  const childsOwn = latest(inForce.filter((d) => d.giver.kind === 'child' && decidesForThemselves(d)));
  if (childsOwn && !(childsOwn.kind === 'given' && expiredBy(childsOwn, day))) {
    if (childsOwn.kind === 'refused') {
      return notCovered(
        question,
        'child-refusal-binds',
        childsOwn,
        `The child, competent to decide, refused ${describe(question)} (refusal ${childsOwn.consentId}); it binds for their own information`,
      );
    }
    if (withdrawnBy(childsOwn, at)) {
      return notCovered(
        question,
        'withdrawn',
        childsOwn,
        `The child withdrew their consent ${childsOwn.consentId} for ${describe(question)} at ${childsOwn.withdrawnAt}`,
      );
    }
    return { covered: true, question, basis: 'consent', consentId: childsOwn.consentId, giverKind: 'child' };
  }

  if (question.agencyId === 'parent-carer') return { covered: true, question, basis: 'parental-responsibility' };

  const parents = inForce.filter((d) => d.giver.kind === 'parent-carer');
  const lastRefusal = latest(parents.filter((d) => d.kind === 'refused'));
  const live = latest(parents.filter((d) => activeAt(d, day, at) && d.sequence > (lastRefusal?.sequence ?? -1)));
  if (live) return { covered: true, question, basis: 'consent', consentId: live.consentId, giverKind: 'parent-carer' };
  if (lastRefusal)
    return notCovered(
      question,
      'refused',
      lastRefusal,
      `Parental consent for ${describe(question)} was refused (refusal ${lastRefusal.consentId})`,
    );
  return explainMissing(question, state.decisions, parents, day, at);
}

function explainMissing(
  question: CoverageQuestion,
  all: readonly ConsentDecision[],
  parents: readonly ConsentDecision[],
  day: IsoDate,
  at: number,
): CoverageAnswer {
  const needed = `Parental consent (or the competent child's own) for ${describe(question)}`;
  const lapsed = latest(parents.filter((d) => d.kind === 'given'));
  if (lapsed?.withdrawnAt)
    return notCovered(
      question,
      'withdrawn',
      lapsed,
      `${needed} is missing: consent ${lapsed.consentId} was withdrawn at ${lapsed.withdrawnAt}`,
    );
  if (lapsed)
    return notCovered(
      question,
      'expired',
      lapsed,
      `${needed} is missing: consent ${lapsed.consentId} expired on ${lapsed.expiresOn}`,
    );
  const future = latest(all.filter((d) => covers(d, question) && d.kind === 'given' && d.effectiveOn > day));
  if (future)
    return notCovered(
      question,
      'not-yet-started',
      future,
      `${needed} is missing: consent ${future.consentId} starts on ${future.effectiveOn}`,
    );
  // Consent for this purpose exists but reaches neither this recipient nor category: widen it, don't ask anew.
  const samePurpose = latest(
    all.filter((d) => d.scope.purposes.includes(question.purpose) && d.effectiveOn <= day && activeAt(d, day, at)),
  );
  if (samePurpose) {
    return notCovered(
      question,
      'out-of-scope',
      samePurpose,
      `${needed} is missing: consent ${samePurpose.consentId} covers ${question.purpose} but not ${question.agencyId} on ${question.category}`,
    );
  }
  return { covered: false, question, reason: 'no-consent', explanation: `${needed} has not been given` };
}

const notCovered = (
  question: CoverageQuestion,
  reason: NotCoveredReason,
  decision: ConsentDecision,
  explanation: string,
): CoverageAnswer => ({
  covered: false,
  question,
  reason,
  consentId: decision.consentId,
  explanation,
});
