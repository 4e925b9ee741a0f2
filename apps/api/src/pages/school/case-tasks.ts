import type { MentorCase } from '@app/projections';

export interface CaseTask {
  readonly name: string;
  readonly status: 'done' | 'to-do' | 'cannot-start' | 'in-progress';
  readonly statusText: string;
  readonly href?: string;
  readonly hint?: string;
}

const words = (value: string) => value.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/**
 * The case as a R.A.F.I.E. task list (003 Box 1): each step done or not from what was
 * recorded (the case's events), linked to its form only when the case's state lets the step
 * be taken (the decider's order: profile before triage, agreement before assessment,
 * targets before the plan, a review deciding to end before the ending, exit before follow-up).
 * Steps that repeat (sessions, reviews, follow-ups) stay linked while the case allows another.
 */
export function caseTasks(record: MentorCase, recorded: ReadonlySet<string>, consentInPlace: boolean): CaseTask[] {
  const base = `/app/referrals/${record.referralId}`;
  const open = record.stage === 'on-register';
  const closed = record.stage === 'closed';
  const cannotStart = (name: string): CaseTask => ({ name, status: 'cannot-start', statusText: 'Cannot start yet' });
  const step = (name: string, event: string, ready: boolean, path: string): CaseTask =>
    recorded.has(event)
      ? { name, status: 'done', statusText: 'Completed' }
      : ready
        ? { name, status: 'to-do', statusText: 'Not started', href: `${base}/${path}` }
        : cannotStart(name);
  const sessions = record.sessionsAttended + record.sessionsMissed;
  const replanning = open && record.lastReviewOutcome === 're-plan';
  const endingPlanned = recorded.has('EndingPlanned') && record.endingSessionsRemaining !== null;
  return [
    record.profileComplete
      ? { name: 'Primary Assessment Profile', status: 'done', statusText: 'Completed' }
      : step(
          'Primary Assessment Profile',
          'PrimaryAssessmentProfileCompleted',
          record.stage === 'awaiting-triage',
          'profile',
        ),
    consentInPlace
      ? { name: 'Consent', status: 'done', statusText: 'In place' }
      : {
          name: 'Consent',
          status: 'to-do',
          statusText: 'Not in place',
          href: `/app/children/${record.childId}/consents?returnTo=${encodeURIComponent(base)}`,
        },
    recorded.has('ReferralTriaged')
      ? { name: 'Triage', status: 'done', statusText: open || closed ? 'Accepted' : words(record.stage) }
      : { name: 'Triage', status: 'to-do', statusText: 'Awaiting the SENCo', href: `${base}/triage` },
    step('Mentoring agreement', 'MentoringAgreementSigned', open, 'mentoring-agreement'),
    step('Assessment', 'AssessmentRecorded', open && recorded.has('MentoringAgreementSigned'), 'assessment'),
    // A review that decides to re-plan may set new targets for the new plan.
    replanning && recorded.has('TargetsSet')
      ? { name: 'Targets', status: 'in-progress', statusText: 'New targets may be set', href: `${base}/targets` }
      : step('Targets', 'TargetsSet', open && recorded.has('AssessmentRecorded'), 'targets'),
    replanning
      ? { name: 'Action plan', status: 'to-do', statusText: 'New plan needed', href: `${base}/action-plan` }
      : step('Action plan', 'ActionPlanAgreed', open && recorded.has('TargetsSet'), 'action-plan'),
    sessions > 0
      ? {
          name: 'Sessions',
          status: open ? 'in-progress' : 'done',
          statusText: `${record.sessionsAttended} attended, ${record.sessionsMissed} missed`,
          href: open ? `${base}/sessions` : undefined,
        }
      : step('Sessions', 'SessionRecorded', open && recorded.has('MentoringAgreementSigned'), 'sessions'),
    recorded.has('ReviewHeld')
      ? {
          name: 'Reviews',
          status: open ? 'in-progress' : 'done',
          statusText: record.nextReviewOn ? `Next on ${record.nextReviewOn}` : 'Held',
          href: open ? `${base}/reviews` : undefined,
        }
      : step('Reviews', 'ReviewHeld', open && recorded.has('ActionPlanAgreed'), 'reviews'),
    endingPlanned
      ? {
          name: 'Ending',
          status: 'done',
          statusText: `${record.sessionsSinceEndingPlanned} of ${record.endingSessionsRemaining} sessions held`,
        }
      : step('Ending', 'EndingPlanned', open && record.lastReviewOutcome === 'begin-ending', 'ending'),
    // A case may close any time it is on the register (moved school, consent withdrawn); a planned ending is checked by the API.
    step('Exit', 'CaseClosed', open, 'closure'),
    recorded.has('FollowUpRecorded')
      ? {
          name: 'Follow-up',
          status: 'done',
          statusText: record.followUpOutcome ? words(record.followUpOutcome) : 'Completed',
          href: `${base}/follow-up`,
        }
      : step('Follow-up', 'FollowUpRecorded', closed, 'follow-up'),
  ];
}
