import type { InformationCategory, IsoDate } from '../shared';
import type { Practitioner } from '../multi-agency';
import type { DisclosedItem, LawfulBasis, Recipient, SharedItem } from './events';
import type { ChecklistItem, SharingOutcome } from './vocabulary';

export interface DisclosureRecord {
  readonly disclosureId: string;
  readonly recipient: Recipient;
  readonly items: readonly DisclosedItem[];
}

export type SharingState =
  | { readonly status: 'none' }
  | {
      readonly status: 'proposed' | 'decided';
      readonly sharingId: string;
      readonly childId: string;
      readonly proposedBy: Practitioner;
      readonly recipient: Recipient;
      readonly categories: readonly InformationCategory[];
      readonly basis?: LawfulBasis;
      readonly answered: readonly ChecklistItem[];
      readonly approvedBy?: Practitioner;
      readonly decision?: {
        readonly outcome: SharingOutcome;
        readonly items: readonly SharedItem[];
        readonly validUntil: IsoDate;
        readonly redactions: readonly string[];
      };
      readonly disclosures: readonly DisclosureRecord[];
      /** Correction notices already issued, by notice id. */
      readonly notices: readonly string[];
    };
