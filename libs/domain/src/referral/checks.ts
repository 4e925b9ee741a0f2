import {
  addWeeks,
  type DomainError,
  firstError,
  invalid,
  isAgencyId,
  isSchoolId,
  isText,
  requireDate,
  requireNonEmptyList,
  requireNumberBetween,
  requireOneOf,
  requireText,
  requireWholeNumber,
} from '../shared';
import type {
  AgreeActionPlan,
  CloseCase,
  HoldReview,
  MakeReferral,
  PlanEnding,
  RecordAssessment,
  RecordFollowUp,
  RecordSession,
  SetTargets,
  SignMentoringAgreement,
  TriageReferral,
} from './commands';
import type { Measures, PrimaryAssessmentProfile } from './events';
import {
  ATTAINMENT_AGAINST_TARGET,
  BAE_CATEGORIES,
  BARRIERS_TO_LEARNING,
  CLOSURE_REASONS,
  FADING_STEPS,
  FOLLOW_UP_OUTCOMES,
  INTERVENTION_LENGTHS,
  INTERVENTION_WEEKS,
  LEVELS_OF_NEED,
  NOTE_SOURCES,
  PASTORAL_RISK_FACTORS,
  PRIORITIES,
  REFERRAL_SOURCES,
  REVIEW_OUTCOMES,
  SESSION_KINDS,
  TARGET_PROGRESS,
  TRIAGE_OUTCOMES,
  WORK_MODES,
} from './vocabulary';

/**
 * Value rules of each step: a bad value is `invalid` and names its field (HTTP 400).
 * State rules (which step may follow which) live in the decider.
 */
type Check = DomainError | undefined | (() => DomainError | undefined);

/** Checks every item of a list; a missing item is refused before its parts are looked at. */
const each =
  <T>(list: readonly T[] | undefined, field: string, check: (item: T, at: string) => DomainError | undefined): Check =>
  () => {
    if (list === undefined) return undefined;
    if (!Array.isArray(list)) return invalid('value.list-required', field, `${field} must be a list`);
    for (const [index, item] of list.entries()) {
      const at = `${field}[${index}]`;
      const error =
        item === null || item === undefined ? invalid('value.required', at, `${at} is required`) : check(item, at);
      if (error) return error;
    }
    return undefined;
  };

const textList = (list: readonly string[] | undefined, field: string): Check[] => [
  requireNonEmptyList(list, field),
  each(list, field, requireText),
];

const notBefore =
  (later: string, earlier: string | undefined, field: string, rule: string, message: string): Check =>
  () =>
    earlier !== undefined && later < earlier ? invalid(rule, field, message) : undefined;

export function checkProfile(profile: PrimaryAssessmentProfile | undefined, field: string): DomainError | undefined {
  if (profile === undefined || profile === null || typeof profile !== 'object')
    return invalid('value.required', field, `${field} is required`);
  return firstError(
    requireDate(profile.completedOn, `${field}.completedOn`),
    requireNumberBetween(profile.attendancePercent, 0, 100, `${field}.attendancePercent`),
    requireWholeNumber(profile.lateArrivals, `${field}.lateArrivals`),
    requireWholeNumber(profile.behaviourIncidents, `${field}.behaviourIncidents`),
    requireWholeNumber(profile.fixedTermExclusions, `${field}.fixedTermExclusions`),
    requireOneOf(profile.attainmentAgainstTarget, ATTAINMENT_AGAINST_TARGET, `${field}.attainmentAgainstTarget`),
    () =>
      Array.isArray(profile.pastoralRiskFactors)
        ? undefined
        : invalid(
            'value.list-required',
            `${field}.pastoralRiskFactors`,
            'pastoralRiskFactors must be a list, empty if none',
          ),
    each(profile.pastoralRiskFactors, `${field}.pastoralRiskFactors`, (f, at) =>
      requireOneOf(f, PASTORAL_RISK_FACTORS, at),
    ),
  );
}

export function checkMeasures(measures: Measures | undefined, field: string): DomainError | undefined {
  if (measures === undefined || measures === null || typeof measures !== 'object')
    return invalid('value.required', field, `${field} is required`);
  return firstError(
    requireNumberBetween(measures.attendancePercent, 0, 100, `${field}.attendancePercent`),
    requireWholeNumber(measures.behaviourIncidents, `${field}.behaviourIncidents`),
    () =>
      measures.fixedTermExclusions === undefined
        ? undefined
        : requireWholeNumber(measures.fixedTermExclusions, `${field}.fixedTermExclusions`),
  );
}

export const checkReferral = (c: MakeReferral): DomainError | undefined =>
  firstError(
    requireText(c.referralId, 'referralId'),
    requireText(c.childId, 'childId'),
    () =>
      isSchoolId(c.schoolId)
        ? undefined
        : invalid('value.not-allowed', 'schoolId', 'schoolId must be a school agency id, school-<name>'),
    requireDate(c.referredOn, 'referredOn'),
    requireOneOf(c.source, REFERRAL_SOURCES, 'source'),
    () => requireText(c.referrer?.role, 'referrer.role'),
    // 001: referrals also come from other agencies; say which.
    () =>
      c.source === 'other-agency' && !isAgencyId(c.referringAgencyId)
        ? invalid(
            'referral.other-agency-named',
            'referringAgencyId',
            'A referral from another agency names that agency',
          )
        : undefined,
    () =>
      c.source === 'parent-carer' && !isText(c.referrerName)
        ? invalid('referral.parent-referrer-named', 'referrerName', "A parent's referral records who made it")
        : undefined,
    requireNonEmptyList(c.reasons, 'reasons'),
    each(c.reasons, 'reasons', (r, at) => requireOneOf(r, BARRIERS_TO_LEARNING, at)),
    () => (c.profile === undefined ? undefined : checkProfile(c.profile, 'profile')),
  );

export const checkTriage = (c: TriageReferral): DomainError | undefined =>
  firstError(
    requireDate(c.triagedOn, 'triagedOn'),
    requireOneOf(c.priority, PRIORITIES, 'priority'),
    requireOneOf(c.levelOfNeed, LEVELS_OF_NEED, 'levelOfNeed'),
    requireOneOf(c.baeCategory, BAE_CATEGORIES, 'baeCategory'),
    requireOneOf(c.outcome, TRIAGE_OUTCOMES, 'outcome'),
    () =>
      c.outcome === 'accepted-onto-register'
        ? firstError(requireText(c.mentorId, 'mentorId'), requireOneOf(c.workMode, WORK_MODES, 'workMode'))
        : undefined,
    // A decision records its reasons (DESIGN §3, Box 7): a decline or redirection says why.
    () =>
      c.outcome !== 'accepted-onto-register' && !isText(c.reason)
        ? invalid('referral.decision-needs-reason', 'reason', `A referral ${c.outcome} records why`)
        : undefined,
  );

export const checkAgreement = (c: SignMentoringAgreement): DomainError | undefined =>
  firstError(
    requireDate(c.signedOn, 'signedOn'),
    // 002 Confidentiality: pupils are told at the start what is confidential and what has to be disclosed.
    () =>
      c.confidentialityExplained !== true
        ? invalid(
            'referral.confidentiality-must-be-explained',
            'confidentialityExplained',
            'The limits of confidentiality are explained before the agreement is signed (002)',
          )
        : undefined,
    // 001: "A Mentoring Agreement explaining confidentiality will be signed by both child and mentor."
    () =>
      c.signedByChild !== true
        ? invalid('referral.agreement-signed-by-both', 'signedByChild', 'The child signs the mentoring agreement (001)')
        : undefined,
    () =>
      c.signedByMentor !== true
        ? invalid(
            'referral.agreement-signed-by-both',
            'signedByMentor',
            'The mentor signs the mentoring agreement (001)',
          )
        : undefined,
  );

export const checkAssessment = (c: RecordAssessment, referredOn: string | undefined): DomainError | undefined =>
  firstError(
    requireText(c.assessmentId, 'assessmentId'),
    requireDate(c.assessedOn, 'assessedOn'),
    notBefore(
      c.assessedOn,
      referredOn,
      'assessedOn',
      'referral.date-before-referral',
      'The assessment cannot precede the referral',
    ),
    // 003 Box 2: assessment highlights strengths, not just difficulties.
    ...textList(c.strengths, 'strengths'),
    ...textList(c.needs, 'needs'),
    requireText(c.needsStatement, 'needsStatement'),
    () => checkMeasures(c.baseline, 'baseline'),
    // 003 Box 1: get the child's perspective; they are the expert in their own lives.
    () =>
      isText(c.childView)
        ? undefined
        : invalid(
            'referral.child-view-required',
            'childView',
            "The assessment records the child's own view (003 Box 1)",
          ),
  );

export const checkTargets = (
  c: SetTargets,
  known: { goalIds: readonly string[]; targetIds: readonly string[] },
): DomainError | undefined => {
  const goalIds = [...known.goalIds, ...(Array.isArray(c.goals) ? c.goals.map((g) => g?.goalId) : [])];
  const fresh = new Set<string>();
  return firstError(
    requireDate(c.setOn, 'setOn'),
    () => (Array.isArray(c.goals) ? undefined : invalid('value.list-required', 'goals', 'goals must be a list')),
    each(c.goals, 'goals', (g, at) =>
      firstError(requireText(g?.goalId, `${at}.goalId`), requireText(g?.outcome, `${at}.outcome`)),
    ),
    requireNonEmptyList(c.targets, 'targets'),
    each(c.targets, 'targets', (t, at) =>
      firstError(
        requireText(t?.targetId, `${at}.targetId`),
        () =>
          known.targetIds.includes(t.targetId) || fresh.has(t.targetId)
            ? invalid('referral.target-id-already-used', `${at}.targetId`, `Target ${t.targetId} is already set`)
            : (fresh.add(t.targetId), undefined),
        () =>
          goalIds.includes(t.goalId)
            ? undefined
            : invalid(
                'referral.target-serves-a-goal',
                `${at}.goalId`,
                'A target is a step towards a goal set with the child (003 §1a)',
              ),
        requireText(t.description, `${at}.description`),
        // SMART (003 §1a): measurable, owned, time-bound.
        () =>
          isText(t.measure)
            ? undefined
            : invalid('referral.target-must-be-smart', `${at}.measure`, 'A SMART target says how progress is measured'),
        () =>
          isText(t.owner)
            ? undefined
            : invalid('referral.target-must-be-smart', `${at}.owner`, 'A SMART target names who owns it'),
        requireDate(t.dueOn, `${at}.dueOn`),
        () =>
          t.dueOn <= c.setOn
            ? invalid('referral.target-must-be-smart', `${at}.dueOn`, 'A SMART target is due after it is set')
            : undefined,
      ),
    ),
  );
};

export const checkPlan = (c: AgreeActionPlan, targetIds: readonly string[]): DomainError | undefined =>
  firstError(
    requireText(c.planId, 'planId'),
    requireDate(c.agreedOn, 'agreedOn'),
    // 003 §1a: written action plans set out strategies and the services that support them.
    ...textList(c.strategies, 'strategies'),
    ...textList(c.services, 'services'),
    requireOneOf(c.interventionLength, INTERVENTION_LENGTHS, 'interventionLength'),
    () => checkLength(c),
    requireDate(c.reviewOn, 'reviewOn'),
    () =>
      c.reviewOn <= c.agreedOn
        ? invalid('referral.review-after-agreement', 'reviewOn', 'The review date falls after the plan is agreed')
        : undefined,
    () =>
      c.plannedEndOn !== undefined && c.reviewOn > c.plannedEndOn
        ? invalid(
            'referral.review-within-intervention',
            'reviewOn',
            'Progress is reviewed before the intervention is planned to end',
          )
        : undefined,
    requireNonEmptyList(c.targetIds, 'targetIds'),
    each(c.targetIds, 'targetIds', (id, at) =>
      targetIds.includes(id)
        ? undefined
        : invalid('referral.unknown-target', at, `No target ${id} is set for this case`),
    ),
  );

/** 002 "proposed time frameworks": short up to 6 weeks, medium up to 12, long open-ended. */
function checkLength(c: AgreeActionPlan): DomainError | undefined {
  const weeks = INTERVENTION_WEEKS[c.interventionLength];
  if (c.plannedEndOn === undefined) {
    return weeks === undefined
      ? undefined
      : invalid(
          'referral.planned-end-required',
          'plannedEndOn',
          `A ${c.interventionLength} intervention states when it is planned to end`,
        );
  }
  const error = requireDate(c.plannedEndOn, 'plannedEndOn');
  if (error) return error;
  if (c.plannedEndOn <= c.agreedOn)
    return invalid(
      'referral.planned-end-after-agreement',
      'plannedEndOn',
      'The intervention ends after the plan is agreed',
    );
  if (weeks !== undefined && c.plannedEndOn > addWeeks(c.agreedOn, weeks)) {
    return invalid(
      `referral.${c.interventionLength}-intervention-up-to-${weeks}-weeks`,
      'plannedEndOn',
      `A ${c.interventionLength} intervention lasts up to ${weeks} weeks (002)`,
    );
  }
  return undefined;
}

export const checkSession = (c: RecordSession, referredOn: string | undefined): DomainError | undefined =>
  firstError(
    requireText(c.sessionId, 'sessionId'),
    requireDate(c.heldOn, 'heldOn'),
    notBefore(c.heldOn, referredOn, 'heldOn', 'referral.date-before-referral', 'A session cannot precede the referral'),
    requireOneOf(c.kind, SESSION_KINDS, 'kind'),
    () =>
      typeof c.attended === 'boolean'
        ? undefined
        : invalid('value.required', 'attended', 'attended must be true or false'),
    () =>
      c.durationMinutes === undefined ? undefined : requireNumberBetween(c.durationMinutes, 1, 600, 'durationMinutes'),
    () =>
      Array.isArray(c.notes)
        ? undefined
        : invalid('value.list-required', 'notes', 'notes must be a list, empty if none'),
    each(c.notes, 'notes', (n, at) =>
      firstError(
        requireText(n?.text, `${at}.text`),
        requireOneOf(n.source, NOTE_SOURCES, `${at}.source`),
        // Box 7/8: second-hand information is marked as such, with where it came from.
        () =>
          n.source === 'second-hand' && !isText(n.toldBy)
            ? invalid(
                'referral.second-hand-needs-source',
                `${at}.toldBy`,
                'Second-hand information says who it came from (Box 7)',
              )
            : undefined,
      ),
    ),
  );

export const checkReview = (c: HoldReview, planTargetIds: readonly string[]): DomainError | undefined =>
  firstError(
    requireText(c.reviewId, 'reviewId'),
    requireDate(c.heldOn, 'heldOn'),
    requireOneOf(c.outcome, REVIEW_OUTCOMES, 'outcome'),
    requireNonEmptyList(c.progress, 'progress'),
    each(c.progress, 'progress', (p, at) =>
      firstError(
        () =>
          planTargetIds.includes(p?.targetId)
            ? undefined
            : invalid(
                'referral.unknown-target',
                `${at}.targetId`,
                `Target ${p?.targetId} is not in the plan under review`,
              ),
        requireOneOf(p.progress, TARGET_PROGRESS, `${at}.progress`),
      ),
    ),
    // 003 §1a: reviewing monitors progress towards every target.
    () => {
      const missing = planTargetIds.find((id) => !c.progress.some((p) => p.targetId === id));
      return missing
        ? invalid('referral.review-covers-every-target', 'progress', `The review reports progress on target ${missing}`)
        : undefined;
    },
    () => {
      if (c.outcome !== 'continue')
        return c.nextReviewOn === undefined ? undefined : requireDate(c.nextReviewOn, 'nextReviewOn');
      if (c.nextReviewOn === undefined)
        return invalid(
          'referral.next-review-date-required',
          'nextReviewOn',
          'Continuing work sets the next review date (003 Box 28)',
        );
      return firstError(requireDate(c.nextReviewOn, 'nextReviewOn'), () =>
        c.nextReviewOn! <= c.heldOn
          ? invalid('referral.next-review-date-required', 'nextReviewOn', 'The next review falls after this one')
          : undefined,
      );
    },
  );

/** 003 §1a: "endings are discussed between three and seven sessions prior to a proposed ending". */
export const ENDING_NOTICE_SESSIONS = { min: 3, max: 7 } as const;

export const checkEnding = (c: PlanEnding): DomainError | undefined =>
  firstError(
    requireDate(c.plannedOn, 'plannedOn'),
    () =>
      Number.isInteger(c.sessionsRemaining) &&
      c.sessionsRemaining >= ENDING_NOTICE_SESSIONS.min &&
      c.sessionsRemaining <= ENDING_NOTICE_SESSIONS.max
        ? undefined
        : invalid(
            'referral.ending-3-to-7-sessions-ahead',
            'sessionsRemaining',
            'An ending is planned three to seven sessions ahead (003 §1a)',
          ),
    requireDate(c.endOn, 'endOn'),
    () =>
      c.endOn <= c.plannedOn
        ? invalid('referral.ending-after-planning', 'endOn', 'The last session falls after the ending is planned')
        : undefined,
    () =>
      Array.isArray(c.fading)
        ? undefined
        : invalid('value.list-required', 'fading', 'fading must be a list, empty if none'),
    each(c.fading, 'fading', (f, at) => requireOneOf(f, FADING_STEPS, at)),
  );

export const checkClosure = (c: CloseCase, referredOn: string | undefined): DomainError | undefined =>
  firstError(
    requireDate(c.closedOn, 'closedOn'),
    notBefore(
      c.closedOn,
      referredOn,
      'closedOn',
      'referral.date-before-referral',
      'A case cannot close before it was referred',
    ),
    requireOneOf(c.reason, CLOSURE_REASONS, 'reason'),
    () =>
      c.reason !== 'planned-ending' && !isText(c.reasonDetail)
        ? invalid('referral.decision-needs-reason', 'reasonDetail', 'An unplanned closure says what happened')
        : undefined,
    () => checkMeasures(c.exit, 'exit'),
    // 003 §4e table, endings: "continue to monitor and track progress following the ending".
    () =>
      c.reason === 'planned-ending' && c.followUpDueOn === undefined
        ? invalid(
            'referral.follow-up-date-required',
            'followUpDueOn',
            'A planned ending sets when progress will be followed up (003 §1a)',
          )
        : undefined,
    () =>
      c.followUpDueOn === undefined
        ? undefined
        : firstError(requireDate(c.followUpDueOn, 'followUpDueOn'), () =>
            c.followUpDueOn! <= c.closedOn
              ? invalid('referral.follow-up-after-exit', 'followUpDueOn', 'The follow-up falls after the case closes')
              : undefined,
          ),
    () =>
      c.referredOnTo === undefined || isAgencyId(c.referredOnTo)
        ? undefined
        : invalid('value.not-allowed', 'referredOnTo', 'referredOnTo must be an agency id'),
  );

export const checkFollowUp = (c: RecordFollowUp, closedOn: string | undefined): DomainError | undefined =>
  firstError(
    requireText(c.followUpId, 'followUpId'),
    requireDate(c.heldOn, 'heldOn'),
    notBefore(
      c.heldOn,
      closedOn,
      'heldOn',
      'referral.follow-up-after-exit',
      'A follow-up takes place after the case closed',
    ),
    requireOneOf(c.outcome, FOLLOW_UP_OUTCOMES, 'outcome'),
    () => (c.measures === undefined ? undefined : checkMeasures(c.measures, 'measures')),
  );
