import type { CafCommand } from '@app/domain/caf/commands';

/** A step on a CAF, as `POST /cafs/:cafId/:step`. */
export interface CafStep {
  readonly command: CafCommand['type'];
  /** The id the platform assigns to what the step records. */
  readonly assigns?: string;
  /** The day the body says it happened: not later than today. */
  readonly dayField: string;
  /** Fields naming directory users, turned into attributed practitioners. */
  readonly practitioners?: { readonly field: string; readonly many?: boolean };
  /** Consent to the assessment is asked by the platform now, for the category of the element contributed on. */
  readonly consentForElement?: true;
}

export const CAF_STEPS: Readonly<Record<string, CafStep>> = {
  contributions: { command: 'ContributeToCaf', assigns: 'contributionId', dayField: 'recordedOn', consentForElement: true },
  corrections: { command: 'CorrectCafContribution', assigns: 'contributionId', dayField: 'recordedOn' },
  views: { command: 'RecordCafViews', assigns: 'viewsId', dayField: 'recordedOn' },
  completion: { command: 'CompleteCaf', dayField: 'completedOn' },
  'tac-meetings': { command: 'HoldTeamAroundTheChildMeeting', assigns: 'meetingId', dayField: 'heldOn', practitioners: { field: 'attendees', many: true } },
  'lead-professional': { command: 'AppointLeadProfessional', dayField: 'appointedOn', practitioners: { field: 'leadProfessional' } },
  'hand-over': { command: 'HandOverLeadProfessional', dayField: 'handedOverOn', practitioners: { field: 'to' } },
  actions: { command: 'AgreePlanAction', assigns: 'actionId', dayField: 'agreedOn' },
  'action-updates': { command: 'UpdatePlanAction', dayField: 'updatedOn' },
  reviews: { command: 'ReviewCaf', assigns: 'reviewId', dayField: 'reviewedOn' },
  closure: { command: 'CloseCaf', dayField: 'closedOn' },
};
