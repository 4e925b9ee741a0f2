import type { MentorCase } from '@app/projections/school/mentor-case.entity';

export interface CaseTask {
  readonly name: string;
  readonly status: 'done' | 'to-do' | 'cannot-start' | 'in-progress';
  readonly statusText: string;
  readonly href?: string;
  readonly hint?: string;
}

const done = (name: string, statusText = 'Completed'): CaseTask => ({ name, status: 'done', statusText });

/**
 * The case as a R.A.F.I.E. task list (003 Box 1): each step done or not from what was
 * recorded (the case's events), with a link where the pages have the step's form and the
 * case is ready for it.
 */
export function caseTasks(record: MentorCase, recorded: ReadonlySet<string>, consentInPlace: boolean): CaseTask[] {
  const base = `/app/referrals/${record.referralId}`;
  const open = record.stage === 'on-register';
  const viaApi = 'Recorded through the API for now';
  const step = (name: string, event: string, ready: boolean, href?: string): CaseTask =>
    recorded.has(event) ? done(name) : ready ? { name, status: 'to-do', statusText: 'Not started', href, hint: href ? undefined : viaApi } : { name, status: 'cannot-start', statusText: 'Cannot start yet' };
  const sessions = record.sessionsAttended + record.sessionsMissed;
  return [
    record.profileComplete ? done('Primary Assessment Profile') : step('Primary Assessment Profile', 'PrimaryAssessmentProfileCompleted', true),
    consentInPlace ? done('Consent', 'In place') : { name: 'Consent', status: 'to-do', statusText: 'Not in place', href: `/app/children/${record.childId}/consents?returnTo=${encodeURIComponent(base)}` },
    recorded.has('ReferralTriaged') ? done('Triage', record.stage === 'on-register' || record.stage === 'closed' ? 'Accepted' : record.stage) : { name: 'Triage', status: 'to-do', statusText: 'Awaiting the SENCo', href: `${base}/triage` },
    step('Mentoring agreement', 'MentoringAgreementSigned', open, `${base}/mentoring-agreement`),
    step('Assessment', 'AssessmentRecorded', open && recorded.has('MentoringAgreementSigned')),
    step('Targets', 'TargetsSet', open && recorded.has('AssessmentRecorded')),
    step('Action plan', 'ActionPlanAgreed', open && recorded.has('TargetsSet')),
    sessions > 0
      ? { name: 'Sessions', status: open ? 'in-progress' : 'done', statusText: `${record.sessionsAttended} attended, ${record.sessionsMissed} missed`, href: open ? `${base}/sessions` : undefined }
      : step('Sessions', 'SessionRecorded', open && recorded.has('MentoringAgreementSigned'), `${base}/sessions`),
    recorded.has('ReviewHeld')
      ? { name: 'Reviews', status: 'done', statusText: record.nextReviewOn ? `Next on ${record.nextReviewOn}` : 'Held', hint: viaApi }
      : step('Reviews', 'ReviewHeld', open && recorded.has('ActionPlanAgreed')),
    step('Ending', 'EndingPlanned', open && record.lastReviewOutcome === 'begin-ending'),
    step('Exit', 'CaseClosed', open && recorded.has('ActionPlanAgreed')),
    step('Follow-up', 'FollowUpRecorded', record.stage === 'closed'),
  ];
}
