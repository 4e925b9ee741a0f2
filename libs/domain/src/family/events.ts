import type { DomainEvent, EventSchema, InformationCategory, IsoDate, IsoInstant } from '../shared';
import { INFORMATION_CATEGORIES } from '../shared/vocabulary';
import { date, instant, list, nullable, oneOf, optional, record, text } from '../shared/payload-shape';
import { PARENT_RELATIONSHIPS, type ParentRelationship } from '../consent/events';

/** The two kinds of family account (DESIGN §4): a parent or carer, and the young person themselves. */
export const FAMILY_MEMBER_KINDS = ['parent-carer', 'young-person'] as const;
export type FamilyMemberKind = (typeof FAMILY_MEMBER_KINDS)[number];

/**
 * What the school checked before linking an account to a child. A parent or carer is linked
 * only once parental responsibility is confirmed (who holds it decides what a parent may
 * obtain, §1d); the young person once the school has seen them in person with the account.
 */
export const EVIDENCE_CHECKS = [
  'parental-responsibility',
  'admission-form',
  'birth-certificate',
  'court-order',
  'placement-order',
  'identity-in-person',
] as const;
export type EvidenceCheck = (typeof EVIDENCE_CHECKS)[number];

export interface RelationshipEvidence {
  readonly checked: readonly EvidenceCheck[];
  /** Where the school keeps what it checked (the admission form's number, the order's reference). */
  readonly documentRef: string;
  readonly checkedOn: IsoDate;
  readonly notes?: string;
}

/** Who at the school linked or unlinked: the DSL or head teacher (ADR 017). */
export interface SchoolLead {
  readonly userId: string;
  readonly role: string;
}

export type FamilyMemberLinked = DomainEvent<
  'FamilyMemberLinked',
  {
    readonly linkId: string;
    readonly childId: string;
    /** The family account, as the directory names it. */
    readonly userId: string;
    readonly kind: FamilyMemberKind;
    /** A parent's or carer's relationship to the child; absent for the young person. */
    readonly relationship?: ParentRelationship;
    readonly evidence: RelationshipEvidence;
    readonly linkedOn: IsoDate;
    readonly linkedBy: SchoolLead;
  }
>;

export type FamilyMemberUnlinked = DomainEvent<
  'FamilyMemberUnlinked',
  {
    readonly linkId: string;
    readonly childId: string;
    readonly userId: string;
    readonly reason: string;
    readonly unlinkedOn: IsoDate;
    readonly unlinkedBy: SchoolLead;
  }
>;

export type FamilyEvent = FamilyMemberLinked | FamilyMemberUnlinked;

/** The family's pages and reads that show a child's information: each is a disclosure (DESIGN §6). */
export const FAMILY_VIEWS = ['caf', 'consents', 'consent', 'shared'] as const;
export type FamilyView = (typeof FAMILY_VIEWS)[number];

/** One record a family view showed: what it is, its category where it has one, the fields shown. */
export interface ShownItem {
  readonly recordRef: string;
  readonly category: InformationCategory | null;
  readonly fields: readonly string[];
}

/**
 * The platform showed a linked family member part of the child's record: a disclosure in the
 * ledger (ADR 024), on the link and the law it rests on. It names what was shown, never the
 * values, which stay in the records shown.
 */
export type FamilyRecordShown = DomainEvent<
  'FamilyRecordShown',
  {
    readonly viewId: string;
    readonly childId: string;
    readonly shownTo: { readonly userId: string; readonly kind: FamilyMemberKind; readonly relationship: string };
    readonly view: FamilyView;
    readonly basis: { readonly kind: 'family-right-of-access'; readonly law: string };
    readonly items: readonly ShownItem[];
    readonly shownAt: IsoInstant;
  }
>;

const lead = record({ userId: text, role: text });

export const familyEventSchemas: EventSchema[] = [
  // What was checked and why a link ended can name the family: sealed with the child's key.
  {
    type: 'FamilyMemberLinked',
    schemaVersion: 1,
    personalFields: ['evidence'],
    payload: {
      linkId: text,
      childId: text,
      userId: text,
      kind: oneOf(FAMILY_MEMBER_KINDS),
      relationship: optional(oneOf(PARENT_RELATIONSHIPS)),
      evidence: record({
        checked: list(oneOf(EVIDENCE_CHECKS)),
        documentRef: text,
        checkedOn: date,
        notes: optional(text),
      }),
      linkedOn: date,
      linkedBy: lead,
    },
  },
  {
    type: 'FamilyMemberUnlinked',
    schemaVersion: 1,
    personalFields: ['reason'],
    payload: { linkId: text, childId: text, userId: text, reason: text, unlinkedOn: date, unlinkedBy: lead },
  },
  {
    type: 'FamilyRecordShown',
    schemaVersion: 1,
    personalFields: [],
    payload: {
      viewId: text,
      childId: text,
      shownTo: record({ userId: text, kind: oneOf(FAMILY_MEMBER_KINDS), relationship: text }),
      view: oneOf(FAMILY_VIEWS),
      basis: record({ kind: oneOf(['family-right-of-access']), law: text }),
      items: list(record({ recordRef: text, category: nullable(oneOf(INFORMATION_CATEGORIES)), fields: list(text) })),
      shownAt: instant,
    },
  },
];

/** Every family link of one child: who may see the child's record from home. */
export const familyStream = (childId: string): string => `family-${childId}`;

/** One view, one stream of one event: family members reading at once never contend for a revision. */
export const familyViewStream = (viewId: string): string => `family-view-${viewId}`;
