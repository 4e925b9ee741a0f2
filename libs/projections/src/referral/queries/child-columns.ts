/**
 * Lists name the child from the child-records read model (null once erased). Dates are
 * selected as text so they stay calendar days, never shifted by a time zone.
 */
export const CHILD_COLUMNS = `cr.given_name AS "givenName", cr.family_name AS "familyName", cr.year_group AS "yearGroup"`;
export const CHILD_JOIN = `LEFT JOIN read_models.child_records cr ON cr.child_id = mc.child_id`;

export interface ChildOnList {
  readonly childId: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly yearGroup: number | null;
}

/** What R.A.F.I.E. step an open case is at, from the facts recorded. */
export const PHASE = `CASE
  WHEN mc.agreement_signed_on IS NULL THEN 'agreement'
  WHEN mc.assessed_on IS NULL THEN 'assessment'
  WHEN mc.plan_id IS NULL THEN 'formulation'
  WHEN mc.ending_planned_on IS NOT NULL THEN 'ending'
  ELSE 'intervention' END`;

export type CasePhase = 'agreement' | 'assessment' | 'formulation' | 'intervention' | 'ending';
