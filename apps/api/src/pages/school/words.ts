import { BAE_CATEGORIES, LEVELS_OF_NEED, NOTE_SOURCES, PRIORITIES, SESSION_KINDS, TRIAGE_OUTCOMES, WORK_MODES } from '@app/domain/referral/vocabulary';

/** The domain's vocabulary with the words a school uses for each value, as radio options. */
const options = <T extends string | number>(values: readonly T[], words: Record<string, string>) => values.map((value) => ({ value: String(value), text: words[String(value)] ?? String(value) }));

export const OPTIONS = {
  priority: options(PRIORITIES, { high: 'High', medium: 'Medium', low: 'Low' }),
  levelOfNeed: options(LEVELS_OF_NEED, { 1: '1 – universal', 2: '2 – targeted, single agency (learning mentors)', 3: '3 – multi-agency', 4: '4 – statutory or specialist' }),
  baeCategory: options(BAE_CATEGORIES, { A: 'A', B: 'B', C: 'C', D: 'D' }),
  outcome: options(TRIAGE_OUTCOMES, { 'accepted-onto-register': 'Accept onto the Learning Mentor Pupil Register', declined: 'Decline', 'redirected-to-mast': 'Redirect to MAST' }),
  workMode: options(WORK_MODES, { 'one-to-one': 'One-to-one', group: 'Group' }),
  kind: options(SESSION_KINDS, { 'one-to-one': 'One-to-one', group: 'Group', 'in-class': 'Support in class', 'drop-in': 'Drop-in' }),
  noteSource: options(NOTE_SOURCES, { 'first-hand': 'What I saw or heard myself', 'second-hand': 'What someone told me' }),
};

/** What each recorded event of a case says on its timeline. */
export const EVENT_WORDS: Readonly<Record<string, string>> = {
  ReferralMade: 'Referral made',
  PrimaryAssessmentProfileCompleted: 'Primary Assessment Profile completed',
  ReferralTriaged: 'Referral triaged',
  MentoringAgreementSigned: 'Mentoring agreement signed',
  AssessmentRecorded: 'Assessment recorded',
  TargetsSet: 'Targets set',
  ActionPlanAgreed: 'Action plan agreed',
  SessionRecorded: 'Session recorded',
  ReviewHeld: 'Review held',
  EndingPlanned: 'Ending planned',
  CaseClosed: 'Case closed (exit)',
  FollowUpRecorded: 'Follow-up recorded',
};
