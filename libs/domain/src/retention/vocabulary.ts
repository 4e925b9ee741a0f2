/**
 * The words of retention and erasure. Record classes are the kinds of record the platform
 * keeps about a child, each with its own retention period in the schedule (docs/retention.md).
 */
export const RECORD_CLASSES = [
  'pupil-record',
  'child-protection-file',
  'mentoring-case',
  'caf',
  'mast-request',
  'consent',
  'sharing-decision',
] as const;
export type RecordClass = (typeof RECORD_CLASSES)[number];

/** UK GDPR Art. 17(1): the grounds on which a person has the right to erasure. */
export const ERASURE_GROUNDS = [
  'no-longer-necessary', // (a)
  'consent-withdrawn', // (b)
  'objection', // (c), Art. 21
  'unlawfully-processed', // (d)
  'legal-obligation', // (e)
  'information-society-service-to-child', // (f), Art. 8(1)
] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];

/** UK GDPR Art. 17(3): why a record must be kept whatever the request (safeguarding is a legal obligation or a public task). */
export const ERASURE_EXEMPTIONS = [
  'legal-obligation-or-public-task', // (b): e.g. safeguarding duties, Children Act 1989/2004, KCSIE
  'public-health', // (c)
  'archiving-or-research', // (d)
  'legal-claims', // (e)
  'freedom-of-expression', // (a)
] as const;
export type ErasureExemption = (typeof ERASURE_EXEMPTIONS)[number];

export const ERASURE_REQUESTERS = ['parent-carer', 'young-person', 'representative'] as const;
export type ErasureRequester = (typeof ERASURE_REQUESTERS)[number];

export const ERASURE_OUTCOMES = ['approved', 'refused'] as const;
export type ErasureOutcome = (typeof ERASURE_OUTCOMES)[number];

/** Why a child's data key was deleted. */
export const ERASURE_CAUSES = ['disposal', 'erasure-request'] as const;
export type ErasureCause = (typeof ERASURE_CAUSES)[number];
