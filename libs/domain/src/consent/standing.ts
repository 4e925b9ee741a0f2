import { ageOn, type IsoDate } from '../shared';
import type { ChildStanding } from './events';
import type { ConsentState } from './state';

/**
 * Who may decide about a child's information (seed 003 §1d, Figure 8, Box 15):
 * - under 12, the parent or carer decides; the child's wishes are recorded but a parent
 *   may still obtain the information against them (§1d);
 * - from 12, a child judged competent (Gillick / Fraser) decides for their own
 *   information, even against the parent, and their refusal binds;
 * - from 16 competence is presumed unless an assessment found otherwise;
 * - from 18 the young person is an adult and decides alone.
 */
export const PARENT_DECIDES_UNDER = 12;
export const COMPETENCE_PRESUMED_FROM = 16;
export const ADULT_FROM = 18;

/** The latest competence assessment on or before `day`, and the child's age that day. */
export function standingOn(state: ConsentState, dateOfBirth: IsoDate, day: IsoDate): ChildStanding {
  const childAge = ageOn(dateOfBirth, day);
  const latest = [...state.assessments]
    .filter((a) => a.assessedOn <= day)
    .sort((a, b) => (a.assessedOn === b.assessedOn ? a.sequence - b.sequence : a.assessedOn < b.assessedOn ? -1 : 1))
    .at(-1);
  if (latest?.outcome === 'competent')
    return { childAge, childCompetent: true, competenceAssessmentId: latest.assessmentId };
  if (latest?.outcome === 'not-competent') return { childAge, childCompetent: false };
  return { childAge, childCompetent: childAge >= COMPETENCE_PRESUMED_FROM };
}

/** A child whose own decision binds, against their parent's too. */
export const decidesForThemselves = (standing: ChildStanding): boolean =>
  standing.childAge >= PARENT_DECIDES_UNDER && standing.childCompetent;
