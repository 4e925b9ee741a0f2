import type { MentorReport } from './events';

/** What the learning-mentor case already knows, read by the caller from the school's read models. */
export interface MentorCaseFacts {
  readonly reasons: readonly string[];
  readonly sessionsAttended: number;
  readonly sessionsMissed: number;
  readonly targets: readonly string[];
}

/** What only the mentor can say, given with the report. */
export interface MentorAccount {
  readonly contactWithFamily: string;
  readonly workingRelationship: string;
  readonly progress: string;
  readonly concerns: string;
  readonly signposting: readonly string[];
}

/** 003 §1c: the report to a conference or core group, the counts and areas of work taken from the case. */
export const mentorReportFrom = (facts: MentorCaseFacts, account: MentorAccount): MentorReport => ({
  reasonForReferral: facts.reasons.map((r) => r.replace(/-/g, ' ')).join('; '),
  sessions: {
    held: facts.sessionsAttended + facts.sessionsMissed,
    attended: facts.sessionsAttended,
    missed: facts.sessionsMissed,
  },
  contactWithFamily: account.contactWithFamily,
  workingRelationship: account.workingRelationship,
  focusedAreasOfWork: [...facts.targets],
  progress: account.progress,
  concerns: account.concerns,
  signposting: [...account.signposting],
});
