import type {
  AgencyId,
  ConsentPurpose,
  DomainEvent,
  EventSchema,
  InformationCategory,
  IsoDate,
  IsoInstant,
} from '../shared';
import { boolean, date, instant, integer, list, oneOf, optional, record, text } from '../shared/payload-shape';

/**
 * Who may receive information under a consent: an agency, or the child's own parents or
 * carers (a competent child can refuse them access, seed 003 §1d).
 */
export type ConsentRecipient = AgencyId | 'parent-carer';

export const PARENT_RELATIONSHIPS = [
  'mother',
  'father',
  'step-parent',
  'grandparent',
  'foster-carer',
  'kinship-carer',
  'special-guardian',
  'adoptive-parent',
  'local-authority-corporate-parent',
  'other-with-parental-responsibility',
] as const;
export type ParentRelationship = (typeof PARENT_RELATIONSHIPS)[number];

/** A parent or carer with their relationship, or the child speaking for themselves. */
export type ConsentGiver =
  | { readonly kind: 'parent-carer'; readonly name: string; readonly relationship: ParentRelationship }
  | { readonly kind: 'child' };

/**
 * The giver as events store it: who they are to the child stays readable (the rules need
 * it); their name travels apart, in a personal field sealed with the child's key.
 */
export type RecordedGiver =
  { readonly kind: 'parent-carer'; readonly relationship: ParentRelationship } | { readonly kind: 'child' };

/** What the person was told before deciding: Box 14's four points of informed consent. */
export interface InformedOf {
  readonly purpose: string;
  readonly use: string;
  /** With whom it may be shared and how. */
  readonly recipients: string;
  /** How long it will be held and in what form. */
  readonly retention: string;
}

/** Purposes × recipients × categories: the consent covers every combination. */
export interface ConsentScope {
  readonly purposes: readonly ConsentPurpose[];
  readonly recipients: readonly ConsentRecipient[];
  readonly categories: readonly InformationCategory[];
}

/** Box 14: "get consent in writing, where possible"; verbal consent says who heard it. */
export type ConsentEvidence =
  | { readonly form: 'written'; readonly documentRef: string }
  | { readonly form: 'verbal'; readonly witnessedBy: string; readonly documentRef?: string };

/**
 * The child's standing when the decision was made, frozen into the record: the age rules
 * (seed 003 §1d, Figure 8) and competence (Box 15) are judged at the time of deciding.
 */
export interface ChildStanding {
  readonly childAge: number;
  readonly childCompetent: boolean;
  /** The assessment the competence rests on; absent when presumed (16+) or not competent. */
  readonly competenceAssessmentId?: string;
}

export type ConsentGiven = DomainEvent<
  'ConsentGiven',
  ChildStanding & {
    readonly consentId: string;
    readonly childId: string;
    readonly giver: RecordedGiver;
    /** The parent's or carer's name; absent when the child decided. */
    readonly giverName?: string;
    readonly informed: InformedOf;
    readonly scope: ConsentScope;
    readonly evidence: ConsentEvidence;
    readonly startsOn: IsoDate;
    /** The first day the consent no longer covers. */
    readonly expiresOn: IsoDate;
  }
>;

/** A refusal is recorded like a consent: what was asked, who refused, and why if they said. */
export type ConsentRefused = DomainEvent<
  'ConsentRefused',
  ChildStanding & {
    readonly consentId: string;
    readonly childId: string;
    readonly giver: RecordedGiver;
    readonly giverName?: string;
    readonly informed: InformedOf;
    readonly scope: ConsentScope;
    readonly evidence: ConsentEvidence;
    readonly refusedOn: IsoDate;
    readonly reason?: string;
  }
>;

/** Effective at `withdrawnAt` for everything after it; what was done before stands (Box 14). */
export type ConsentWithdrawn = DomainEvent<
  'ConsentWithdrawn',
  {
    readonly consentId: string;
    readonly childId: string;
    readonly withdrawnBy: RecordedGiver;
    readonly withdrawnByName?: string;
    readonly withdrawnAt: IsoInstant;
    readonly evidence: ConsentEvidence;
    readonly reason?: string;
  }
>;

export type ConsentExpired = DomainEvent<
  'ConsentExpired',
  { readonly consentId: string; readonly childId: string; readonly expiredOn: IsoDate }
>;

export const COMPETENCE_FRAMEWORKS = ['gillick', 'fraser'] as const;
export type CompetenceFramework = (typeof COMPETENCE_FRAMEWORKS)[number];

export interface CriterionFinding {
  readonly criterion: string;
  readonly met: boolean;
  readonly note?: string;
}

export type CompetenceAssessed = DomainEvent<
  'CompetenceAssessed',
  {
    readonly assessmentId: string;
    readonly childId: string;
    readonly assessedBy: { readonly userId: string; readonly role: string };
    readonly assessedOn: IsoDate;
    readonly framework: CompetenceFramework;
    /** The decision the competence was judged for, e.g. "sharing information about my health". */
    readonly decisionAbout: string;
    readonly criteria: readonly CriterionFinding[];
    readonly outcome: 'competent' | 'not-competent';
    readonly childAge: number;
  }
>;

export type ConsentEvent = ConsentGiven | ConsentRefused | ConsentWithdrawn | ConsentExpired | CompetenceAssessed;

const ofConsent = { consentId: text, childId: text };
const giver = record({ kind: oneOf(['parent-carer', 'child']), relationship: optional(oneOf(PARENT_RELATIONSHIPS)) });
const evidence = record({
  form: oneOf(['written', 'verbal']),
  documentRef: optional(text),
  witnessedBy: optional(text),
});
/** What a consent given and a consent refused both record. */
const decided = {
  ...ofConsent,
  childAge: integer,
  childCompetent: boolean,
  competenceAssessmentId: optional(text),
  giver,
  giverName: optional(text),
  informed: record({ purpose: text, use: text, recipients: text, retention: text }),
  scope: record({ purposes: list(text), recipients: list(text), categories: list(text) }),
  evidence,
};

export const consentEventSchemas: EventSchema[] = [
  // The giver's name and any reason in the family's own words are personal; scope and dates are not.
  {
    type: 'ConsentGiven',
    schemaVersion: 1,
    personalFields: ['giverName'],
    payload: { ...decided, startsOn: date, expiresOn: date },
  },
  {
    type: 'ConsentRefused',
    schemaVersion: 1,
    personalFields: ['giverName', 'reason'],
    payload: { ...decided, refusedOn: date, reason: optional(text) },
  },
  {
    type: 'ConsentWithdrawn',
    schemaVersion: 1,
    personalFields: ['withdrawnByName', 'reason'],
    payload: {
      ...ofConsent,
      withdrawnBy: giver,
      withdrawnByName: optional(text),
      withdrawnAt: instant,
      evidence,
      reason: optional(text),
    },
  },
  { type: 'ConsentExpired', schemaVersion: 1, personalFields: [], payload: { ...ofConsent, expiredOn: date } },
  {
    type: 'CompetenceAssessed',
    schemaVersion: 1,
    personalFields: ['decisionAbout', 'criteria'],
    payload: {
      assessmentId: text,
      childId: text,
      assessedBy: record({ userId: text, role: text }),
      assessedOn: date,
      framework: oneOf(COMPETENCE_FRAMEWORKS),
      decisionAbout: text,
      criteria: list(record({ criterion: text, met: boolean, note: optional(text) })),
      outcome: oneOf(['competent', 'not-competent']),
      childAge: integer,
    },
  },
];

export const consentStream = (childId: string): string => `consent-${childId}`;
