/**
 * The words of a subject-access request (UK GDPR Article 15; DPA 2018; the ICO's guidance on
 * the right of access; the Education (Pupil Information) (England) Regulations 2005, reg. 5).
 */

/**
 * `personal-data`: the right of access, due one calendar month from receipt.
 * `educational-record`: a parent's request for the educational record of a pupil at a
 * maintained school, due in 15 school days (reg. 5(2)). The directory does not say which
 * schools are maintained: recording this kind is the dpo's statement that the school is one.
 */
export const REQUEST_KINDS = ['personal-data', 'educational-record'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Who asks, as they stand to the child. */
export const REQUESTER_RELATIONSHIPS = [
  'the-child',
  'parent',
  'carer-with-parental-responsibility',
  'legal-representative',
  'other-with-written-authority',
] as const;
export type RequesterRelationship = (typeof REQUESTER_RELATIONSHIPS)[number];

/** A "parent" of the 2005 Regulations (Education Act 1996 s.576): a parent, or whoever has parental responsibility or care of the child. */
export const PARENTS: readonly RequesterRelationship[] = ['parent', 'carer-with-parental-responsibility'];

/** How the requester's identity (and, for someone acting for the child, their authority) was checked. */
export const IDENTITY_CHECKS = [
  'photo-identity-seen',
  'known-to-the-school',
  'documents-checked',
  'written-authority-checked',
] as const;
export type IdentityCheckMethod = (typeof IDENTITY_CHECKS)[number];

/** Which clock a request runs on. */
export const REQUEST_CLOCKS = ['one-calendar-month', 'fifteen-school-days'] as const;
export type RequestClock = (typeof REQUEST_CLOCKS)[number];

/** Art. 12(3): a complex request may be extended "by two further months where necessary". */
export const MAX_EXTENSION_MONTHS = 2;
export const EDUCATIONAL_RECORD_SCHOOL_DAYS = 15;

/** The law the response is disclosed under, as the disclosure ledger records its basis. */
export const RESPONSE_BASES = {
  'personal-data': { kind: 'uk-gdpr-art-15', law: 'UK GDPR Article 15 (right of access by the data subject)' },
  'educational-record': {
    kind: 'pupil-information-regulations-2005',
    law: "Education (Pupil Information) (England) Regulations 2005, regulation 5 (a parent's access to the educational record)",
  },
} as const;

/** The parts of the response pack, as the subject-access report has them. */
export const PACK_SECTIONS = ['disclosure', 'decision-not-to-share', 'list-naming-child'] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];
