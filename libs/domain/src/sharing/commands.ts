import type { Actor, InformationCategory, IsoDate, IsoInstant } from '../shared';
import type { Practitioner } from '../multi-agency';
import type { CoverageAnswer } from '../consent/coverage';
import type { FamilyTold, Recipient } from './events';
import type { DisclosableRecord } from './field-catalogue';
import type {
  ChecklistAnswer,
  ChecklistItem,
  DisclosureChannel,
  SharingOutcome,
  WithoutConsentGround,
} from './vocabulary';

export interface ProposeSharing {
  readonly type: 'ProposeSharing';
  readonly sharingId: string;
  readonly childId: string;
  readonly origin: 'request' | 'proactive';
  /** For a request: the practitioner of the other agency who asked. */
  readonly askedBy?: Practitioner;
  readonly purpose: string;
  readonly recipient: Recipient;
  readonly categories: readonly InformationCategory[];
  readonly by: Actor;
  readonly at: IsoInstant;
}

/**
 * The basis. For consent, the caller passes the consent context's answers for purpose
 * information-sharing, to the recipient, on each category, asked now.
 */
export type BasisClaim =
  | { readonly kind: 'consent'; readonly coverage: readonly CoverageAnswer[] }
  | { readonly kind: 'without-consent'; readonly ground: WithoutConsentGround; readonly justification: string };

export interface RecordLawfulBasis {
  readonly type: 'RecordLawfulBasis';
  readonly basis: BasisClaim;
  readonly by: Actor;
}

export interface AnswerSharingChecklist {
  readonly type: 'AnswerSharingChecklist';
  readonly answers: ReadonlyArray<{
    readonly item: ChecklistItem;
    readonly answer: ChecklistAnswer;
    readonly note?: string;
  }>;
  readonly by: Actor;
}

export interface ApproveSharing {
  readonly type: 'ApproveSharing';
  readonly discussion: string;
  readonly by: Actor;
  readonly at: IsoInstant;
}

/**
 * What a decision names: a kind of record and its fields. The platform's catalogue gives each
 * field its category; a category the caller still sends must agree with it. For CAF
 * contributions, the element whose contributions are shared (its category is the element's).
 */
export interface DecisionItem {
  readonly record: DisclosableRecord;
  readonly element?: string;
  readonly fields: readonly string[];
  readonly category?: InformationCategory;
}

/** What a disclosure names: a record (`kind:id`) and its fields, all of one category. */
export interface DisclosureItem {
  readonly recordRef: string;
  readonly fields: readonly string[];
  readonly category?: InformationCategory;
}

export interface DecideSharing {
  readonly type: 'DecideSharing';
  readonly outcome: SharingOutcome;
  readonly items: readonly DecisionItem[];
  readonly reasons: string;
  readonly redactions: readonly string[];
  readonly familyTold: FamilyTold;
  readonly validUntil: IsoDate;
  /** For a consent basis: the answers asked again now (consent checked when deciding). */
  readonly coverage?: readonly CoverageAnswer[];
  readonly by: Actor;
  readonly at: IsoInstant;
}

export interface MakeDisclosure {
  readonly type: 'MakeDisclosure';
  readonly disclosureId: string;
  readonly recipient: Recipient;
  readonly items: readonly DisclosureItem[];
  /** The values of the disclosed fields, read by the platform from the records named. */
  readonly values: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly channel: DisclosureChannel;
  /** For a consent basis: the answers asked again now (and checked again when disclosing). */
  readonly coverage?: readonly CoverageAnswer[];
  readonly by: Actor;
  readonly at: IsoInstant;
}

export interface IssueCorrectionNotices {
  readonly type: 'IssueCorrectionNotices';
  /** Names the correction: each notice is `{correctionId}:{disclosureId}`, so asking twice sends nothing twice. */
  readonly correctionId: string;
  readonly recordRef: string;
  readonly corrected: Readonly<Record<string, unknown>>;
  readonly reason: string;
  readonly by: Actor;
  readonly at: IsoInstant;
}

export type SharingCommand =
  | ProposeSharing
  | RecordLawfulBasis
  | AnswerSharingChecklist
  | ApproveSharing
  | DecideSharing
  | MakeDisclosure
  | IssueCorrectionNotices;
