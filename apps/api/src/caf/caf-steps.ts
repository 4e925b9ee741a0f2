import { PRACTITIONER_ROLES, type Role } from '@app/access/directory/roles';
import type { CafCommand } from '@app/domain/caf/commands';

/** A step on a CAF, as `POST /cafs/:cafId/:step`. */
export interface CafStep {
  readonly command: Exclude<CafCommand['type'], 'StartCaf'>;
  /** The id the platform assigns to what the step records. */
  readonly assigns?: string;
  /** Fields naming directory users, turned into attributed practitioners; a lead professional is a practitioner of an agency. */
  readonly practitioners?: { readonly field: string; readonly many?: boolean; readonly roles?: readonly Role[] };
  /** Consent to the assessment is asked by the platform now, for the category of the element contributed on. */
  readonly consentForElement?: true;
}

export const CAF_STEPS: Readonly<Record<string, CafStep>> = {
  contributions: { command: 'ContributeToCaf', assigns: 'contributionId', consentForElement: true },
  corrections: { command: 'CorrectCafContribution', assigns: 'contributionId' },
  views: { command: 'RecordCafViews', assigns: 'viewsId' },
  completion: { command: 'CompleteCaf' },
  'tac-meetings': { command: 'HoldTeamAroundTheChildMeeting', assigns: 'meetingId', practitioners: { field: 'attendees', many: true } },
  'lead-professional': { command: 'AppointLeadProfessional', practitioners: { field: 'leadProfessional', roles: PRACTITIONER_ROLES } },
  'hand-over': { command: 'HandOverLeadProfessional', practitioners: { field: 'to', roles: PRACTITIONER_ROLES } },
  actions: { command: 'AgreePlanAction', assigns: 'actionId' },
  'action-updates': { command: 'UpdatePlanAction' },
  reviews: { command: 'ReviewCaf', assigns: 'reviewId' },
  closure: { command: 'CloseCaf' },
};
