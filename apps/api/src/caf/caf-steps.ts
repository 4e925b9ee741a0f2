import { PRACTITIONER_ROLES, type Role } from '@app/access';
import type { CafCommand } from '@app/domain';
import type { WithBody } from '../http/steps';
import * as bodies from './caf-bodies';

/** A step on a CAF, as `POST /cafs/:cafId/:step`. */
export interface CafStep extends WithBody {
  readonly command: Exclude<CafCommand['type'], 'StartCaf'>;
  /** The id the platform assigns to what the step records. */
  readonly assigns?: string;
  /** Fields naming directory users, turned into attributed practitioners; a lead professional is a practitioner of an agency. */
  readonly practitioners?: { readonly field: string; readonly many?: boolean; readonly roles?: readonly Role[] };
  /** Consent to the assessment is asked by the platform now, for the category of the element contributed on. */
  readonly consentForElement?: true;
}

export const CAF_STEPS: Readonly<Record<string, CafStep>> = {
  contributions: {
    command: 'ContributeToCaf',
    body: bodies.ContributionBody,
    assigns: 'contributionId',
    consentForElement: true,
  },
  corrections: { command: 'CorrectCafContribution', body: bodies.CorrectionBody, assigns: 'contributionId' },
  views: { command: 'RecordCafViews', body: bodies.ViewsBody, assigns: 'viewsId' },
  completion: { command: 'CompleteCaf', body: bodies.CompletionBody },
  'tac-meetings': {
    command: 'HoldTeamAroundTheChildMeeting',
    body: bodies.TacMeetingBody,
    assigns: 'meetingId',
    practitioners: { field: 'attendees', many: true },
  },
  'lead-professional': {
    command: 'AppointLeadProfessional',
    body: bodies.LeadProfessionalBody,
    practitioners: { field: 'leadProfessional', roles: PRACTITIONER_ROLES },
  },
  'hand-over': {
    command: 'HandOverLeadProfessional',
    body: bodies.HandOverBody,
    practitioners: { field: 'to', roles: PRACTITIONER_ROLES },
  },
  actions: { command: 'AgreePlanAction', body: bodies.PlanActionBody, assigns: 'actionId' },
  'action-updates': { command: 'UpdatePlanAction', body: bodies.PlanActionUpdateBody },
  reviews: { command: 'ReviewCaf', body: bodies.CafReviewBody, assigns: 'reviewId' },
  closure: { command: 'CloseCaf', body: bodies.CafClosureBody },
};
