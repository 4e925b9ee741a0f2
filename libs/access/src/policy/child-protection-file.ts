import type { AccessFacts } from './policy';

/** How a school holds one record of a child-protection file, and whether it may still add to it. */
export interface FileHolding {
  /** `school-of-record`: recorded here, and the child is still here. */
  readonly kind: 'school-of-record' | 'recorded-it' | 'received-it';
  readonly basis: string;
  /** The child is at this school now: it works on the record; otherwise it only reads it. */
  readonly current: boolean;
}

/**
 * A record of a school's child-protection file (a concern, a decision to share about
 * safeguarding) stays with the school that recorded it when the child leaves: it reads what
 * it recorded itself, logged as `recorded-it` (KCSIE keeps the file's history at both ends).
 * The new school holds it from the day its DSL confirms receipt, never before (the move of
 * the pupil record alone opens nothing of the file), and while the child is there.
 */
export async function fileHolding(
  facts: AccessFacts,
  schoolId: string,
  record: { readonly recordRef: string; readonly recordedBy: string; readonly childId: string },
): Promise<FileHolding | null> {
  const current = (await facts.schoolOfChild(record.childId)) === schoolId;
  if (record.recordedBy === schoolId)
    return current
      ? { kind: 'school-of-record', basis: `school-of-record:${schoolId}`, current }
      : { kind: 'recorded-it', basis: `recorded-it:${schoolId}`, current };
  // What it received goes on with the child: a school the child has left keeps only what it recorded itself.
  if (current && (await facts.receivedInChildProtectionFile(schoolId, record.recordRef)))
    return { kind: 'received-it', basis: `received-child-protection-file:${schoolId}`, current };
  return null;
}
