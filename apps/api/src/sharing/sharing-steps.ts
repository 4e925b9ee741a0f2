import type { SharingCommand } from '@app/domain';
import type { WithBody } from '../http/steps';
import * as bodies from './sharing-bodies';

/** A step on a sharing decision, as `POST /sharing/:sharingId/:step`. */
export interface SharingStep extends WithBody {
  readonly command: SharingCommand['type'];
  /** The id the platform assigns to what the step records. */
  readonly assigns?: 'disclosureId' | 'correctionId';
  /** Consent is asked again by the platform now, for these categories (Box 14: withdrawn means nothing more is shared). */
  readonly consentFor?: 'proposed' | 'items';
}

export const SHARING_STEPS: Readonly<Record<string, SharingStep>> = {
  basis: { command: 'RecordLawfulBasis', body: bodies.LawfulBasisBody, consentFor: 'proposed' },
  checklist: { command: 'AnswerSharingChecklist', body: bodies.ChecklistBody },
  approval: { command: 'ApproveSharing', body: bodies.ApprovalBody },
  decision: { command: 'DecideSharing', body: bodies.SharingDecisionBody, consentFor: 'items' },
  disclosures: { command: 'MakeDisclosure', body: bodies.DisclosureBody, assigns: 'disclosureId', consentFor: 'items' },
  'correction-notices': {
    command: 'IssueCorrectionNotices',
    body: bodies.CorrectionNoticesBody,
    assigns: 'correctionId',
  },
};
