import type { SharingCommand } from '@app/domain/sharing/commands';

/** A step on a sharing decision, as `POST /sharing/:sharingId/:step`. */
export interface SharingStep {
  readonly command: SharingCommand['type'];
  /** The id the platform assigns to what the step records. */
  readonly assigns?: 'disclosureId' | 'correctionId';
  /** Consent is asked again by the platform now, for these categories (Box 14: withdrawn means nothing more is shared). */
  readonly consentFor?: 'proposed' | 'items';
}

export const SHARING_STEPS: Readonly<Record<string, SharingStep>> = {
  basis: { command: 'RecordLawfulBasis', consentFor: 'proposed' },
  checklist: { command: 'AnswerSharingChecklist' },
  approval: { command: 'ApproveSharing' },
  decision: { command: 'DecideSharing', consentFor: 'items' },
  disclosures: { command: 'MakeDisclosure', assigns: 'disclosureId', consentFor: 'items' },
  'correction-notices': { command: 'IssueCorrectionNotices', assigns: 'correctionId' },
};
