import type { ConcernCommand } from '@app/domain';
import type { WithBody } from '../http/steps';
import * as bodies from './concern-bodies';

/** A step on a safeguarding concern, as `POST /concerns/:concernId/:step`. */
export interface ConcernStep extends WithBody {
  readonly command: ConcernCommand['type'];
  /** The day the body says it happened: not later than today. */
  readonly dayField: string;
}

export const CONCERN_STEPS: Readonly<Record<string, ConcernStep>> = {
  review: { command: 'ReviewConcern', body: bodies.ConcernReviewBody, dayField: 'reviewedOn' },
  'social-care-decision': {
    command: 'RecordSocialCareDecision',
    body: bodies.SocialCareDecisionBody,
    dayField: 'decidedOn',
  },
  assessments: { command: 'RecordAssessmentCompleted', body: bodies.AssessmentCompletedBody, dayField: 'completedOn' },
  'strategy-discussion': {
    command: 'RecordStrategyDiscussion',
    body: bodies.StrategyDiscussionBody,
    dayField: 'heldOn',
  },
  conferences: { command: 'RecordConference', body: bodies.ConferenceBody, dayField: 'heldOn' },
  'core-groups': { command: 'RecordCoreGroup', body: bodies.CoreGroupBody, dayField: 'heldOn' },
  'mentor-reports': { command: 'SubmitMentorReport', body: bodies.MentorReportBody, dayField: 'submittedOn' },
};
