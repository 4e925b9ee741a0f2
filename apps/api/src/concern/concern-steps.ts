import type { ConcernCommand } from '@app/domain/concern/commands';

/** A step on a safeguarding concern, as `POST /concerns/:concernId/:step`. */
export interface ConcernStep {
  readonly command: ConcernCommand['type'];
  /** The day the body says it happened: not later than today. */
  readonly dayField: string;
}

export const CONCERN_STEPS: Readonly<Record<string, ConcernStep>> = {
  review: { command: 'ReviewConcern', dayField: 'reviewedOn' },
  'social-care-decision': { command: 'RecordSocialCareDecision', dayField: 'decidedOn' },
  assessments: { command: 'RecordAssessmentCompleted', dayField: 'completedOn' },
  'strategy-discussion': { command: 'RecordStrategyDiscussion', dayField: 'heldOn' },
  conferences: { command: 'RecordConference', dayField: 'heldOn' },
  'core-groups': { command: 'RecordCoreGroup', dayField: 'heldOn' },
  'mentor-reports': { command: 'SubmitMentorReport', dayField: 'submittedOn' },
};
