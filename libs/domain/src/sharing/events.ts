import type { DomainEvent, EventSchema, InformationCategory, IsoDate, IsoInstant } from '../shared';
import type { Practitioner } from '../multi-agency';
import type { ConsentRecipient } from '../consent/events';
import type { DisclosableRecord } from './field-catalogue';
import { practitioner } from '../multi-agency';
import { boolean, date, instant, json, list, nullable, oneOf, optional, record, text } from '../shared/payload-shape';
import {
  CHECKLIST_ANSWERS,
  type ChecklistAnswer,
  type ChecklistItem,
  DISCLOSURE_CHANNELS,
  type DisclosureChannel,
  SHARING_OUTCOMES,
  type SharingOutcome,
  type WithoutConsentGround,
} from './vocabulary';

/** Who is to receive: an agency, and the named practitioner where known. */
export interface Recipient {
  readonly agencyId: ConsentRecipient;
  readonly userId?: string;
}

/**
 * What a decision lets go: fields of one kind of record, all of one category, the category
 * the platform's catalogue gives them (schema 2). A decision recorded before the catalogue
 * (schema 1) named no kind of record: `record` is null, and its category was the caller's.
 */
export interface SharedItem {
  readonly record: DisclosableRecord | null;
  readonly category: InformationCategory;
  readonly fields: string[];
}

/** Exactly what went: which record, of which category (the catalogue's), which fields. */
export interface DisclosedItem {
  readonly recordRef: string;
  readonly category: InformationCategory;
  readonly fields: string[];
}

/** The values that went, after redaction: what the recipient's read model shows. */
export interface DisclosedContent {
  readonly recordRef: string;
  readonly category: InformationCategory;
  readonly values: Record<string, unknown>;
}

export type LawfulBasis =
  | { readonly kind: 'consent'; readonly consentIds: string[]; readonly parentalResponsibility: boolean }
  | { readonly kind: 'without-consent'; readonly ground: WithoutConsentGround; readonly justification: string };

export type FamilyTold =
  { readonly informed: true; readonly how: string } | { readonly informed: false; readonly reason: string };

export type SharingProposed = DomainEvent<
  'SharingProposed',
  {
    sharingId: string;
    childId: string;
    /** Asked for by another agency, or proposed by the practitioner who holds the information. */
    origin: 'request' | 'proactive';
    askedBy: Practitioner;
    proposedBy: Practitioner;
    purpose: string;
    recipient: Recipient;
    categories: InformationCategory[];
    proposedAt: IsoInstant;
  }
>;

export type LawfulBasisRecorded = DomainEvent<
  'LawfulBasisRecorded',
  { sharingId: string; childId: string; basis: LawfulBasis; recordedBy: Practitioner }
>;

export type SharingChecklistAnswered = DomainEvent<
  'SharingChecklistAnswered',
  {
    sharingId: string;
    childId: string;
    answers: Array<{ item: ChecklistItem; answer: ChecklistAnswer; note?: string }>;
    answeredBy: Practitioner;
  }
>;

/** Sharing without consent: the discussion with, and the approval of, a DSL or senior colleague. */
export type SharingApproved = DomainEvent<
  'SharingApproved',
  { sharingId: string; childId: string; approvedBy: Practitioner; discussion: string; approvedAt: IsoInstant }
>;

/** Recorded the same way whether it shares, shares in part, or refuses. */
export type SharingDecided = DomainEvent<
  'SharingDecided',
  {
    sharingId: string;
    childId: string;
    outcome: SharingOutcome;
    items: SharedItem[];
    reasons: string;
    /** Third parties who could be harmed: never in what is sent. */
    redactions: string[];
    familyTold: FamilyTold;
    /** The last day a disclosure may be made under this decision. */
    validUntil: IsoDate;
    basis: LawfulBasis | null;
    decidedBy: Practitioner;
    decidedAt: IsoInstant;
  }
>;

export type DisclosureMade = DomainEvent<
  'DisclosureMade',
  {
    sharingId: string;
    disclosureId: string;
    childId: string;
    recipient: Recipient;
    items: DisclosedItem[];
    content: DisclosedContent[];
    channel: DisclosureChannel;
    /** Copied from the decision, so the audit reads one event. */
    basis: LawfulBasis;
    disclosedBy: Practitioner;
    disclosedAt: IsoInstant;
  }
>;

/** Box 7: information already shared has changed; each earlier recipient is told. */
export type CorrectionNoticeIssued = DomainEvent<
  'CorrectionNoticeIssued',
  {
    noticeId: string;
    sharingId: string;
    childId: string;
    disclosureId: string;
    recipient: Recipient;
    recordRef: string;
    category: InformationCategory;
    /** Only the fields this recipient received, with their corrected values. */
    corrected: Record<string, unknown>;
    reason: string;
    issuedBy: Practitioner;
    issuedAt: IsoInstant;
  }
>;

export type SharingEvent =
  | SharingProposed
  | LawfulBasisRecorded
  | SharingChecklistAnswered
  | SharingApproved
  | SharingDecided
  | DisclosureMade
  | CorrectionNoticeIssued;

const ofSharing = { sharingId: text, childId: text };
const recipient = record({ agencyId: text, userId: optional(text) });
const sharedItem = record({ record: nullable(text), category: text, fields: list(text) });
// Either kind's own fields are still held to well-formed values.
const basis = record({ kind: oneOf(['consent', 'without-consent']) });

export const sharingEventSchemas: EventSchema[] = [
  {
    type: 'SharingProposed',
    schemaVersion: 1,
    personalFields: ['purpose'],
    payload: {
      ...ofSharing,
      origin: oneOf(['request', 'proactive']),
      askedBy: practitioner,
      proposedBy: practitioner,
      purpose: text,
      recipient,
      categories: list(text),
      proposedAt: instant,
    },
  },
  {
    type: 'LawfulBasisRecorded',
    schemaVersion: 1,
    personalFields: [],
    payload: { ...ofSharing, basis, recordedBy: practitioner },
  },
  {
    type: 'SharingChecklistAnswered',
    schemaVersion: 1,
    personalFields: ['answers'],
    payload: {
      ...ofSharing,
      answers: list(record({ item: text, answer: oneOf(CHECKLIST_ANSWERS), note: optional(text) })),
      answeredBy: practitioner,
    },
  },
  {
    type: 'SharingApproved',
    schemaVersion: 1,
    personalFields: ['discussion'],
    payload: { ...ofSharing, approvedBy: practitioner, discussion: text, approvedAt: instant },
  },
  {
    type: 'SharingDecided',
    schemaVersion: 2,
    personalFields: ['reasons', 'redactions', 'familyTold'],
    // Schema 1 items had no kind of record: they stay as decided, marked as naming none.
    upcasters: [
      {
        fromVersion: 1,
        up: (data) => ({
          ...data,
          items: Array.isArray(data.items) ? data.items.map((item: object) => ({ record: null, ...item })) : data.items,
        }),
      },
    ],
    payload: {
      ...ofSharing,
      outcome: oneOf(SHARING_OUTCOMES),
      items: list(sharedItem),
      reasons: text,
      redactions: list(text),
      familyTold: record({ informed: boolean }),
      validUntil: date,
      basis: nullable(basis),
      decidedBy: practitioner,
      decidedAt: instant,
    },
  },
  {
    type: 'DisclosureMade',
    schemaVersion: 1,
    personalFields: ['content'],
    payload: {
      ...ofSharing,
      disclosureId: text,
      recipient,
      items: list(record({ category: text, fields: list(text), recordRef: text })),
      content: list(record({ recordRef: text, category: text, values: json })),
      channel: oneOf(DISCLOSURE_CHANNELS),
      basis,
      disclosedBy: practitioner,
      disclosedAt: instant,
    },
  },
  {
    type: 'CorrectionNoticeIssued',
    schemaVersion: 1,
    personalFields: ['corrected', 'reason'],
    payload: {
      ...ofSharing,
      noticeId: text,
      disclosureId: text,
      recipient,
      recordRef: text,
      category: text,
      corrected: json,
      reason: text,
      issuedBy: practitioner,
      issuedAt: instant,
    },
  },
];

export const sharingStream = (sharingId: string): string => `sharing-${sharingId}`;
