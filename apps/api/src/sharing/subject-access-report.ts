import type { EntityManager } from 'typeorm';
import type { LoggedAccess } from '@app/access';
import type { Directory } from '@app/access';
import { withholding, type Withholding } from '@app/domain';
import { decisionsOfChild, disclosuresOfChild } from '@app/projections';
import { SUBJECT_ACCESS_REQUESTER } from '@app/projections';
import { FAMILY_VIEW } from '@app/projections';
import { basisInWords, categoryLabel, channelLabel, fieldLabel, ukDate } from './report-words';

export const SUBJECT_ACCESS_COPIES = ['family', 'dpo'] as const;
export type SubjectAccessCopy = (typeof SUBJECT_ACCESS_COPIES)[number];

/** One disclosure as the report shows it: in words a family reads, with who approved it. */
export interface ReportedDisclosure {
  readonly disclosureId: string;
  readonly date: string;
  readonly disclosedAt: string;
  readonly recipient: string;
  readonly what: ReadonlyArray<{ readonly category: string | null; readonly fields: string[] }>;
  readonly purpose: string | null;
  readonly reasons: string | null;
  readonly basis: string;
  readonly approvedBy: string;
  readonly familyTold: string;
  readonly howSent: string;
  /** The dpo's copy only: why the family's copy leaves it out. */
  readonly withheld?: Withholding;
}

export interface ReportedDecisionNotToShare {
  readonly date: string;
  readonly recipient: string;
  readonly reasons: string | null;
  readonly withheld?: Withholding;
}

export interface SubjectAccessReport {
  readonly copy: SubjectAccessCopy;
  readonly child: { readonly childId: string; readonly name: string; readonly dateOfBirth: string | null };
  readonly generatedOn: string;
  readonly generatedAt: string;
  readonly disclosures: ReportedDisclosure[];
  readonly decisionsNotToShare: ReportedDecisionNotToShare[];
  /** Every list that named the child (a pupil register, an agenda): who read it, when, on what basis. */
  readonly listsNamingChild: ReportedListRead[];
}

export interface ReportedListRead extends Pick<
  LoggedAccess,
  'at' | 'userId' | 'role' | 'agencyId' | 'resource' | 'basis'
> {
  readonly date: string;
  readonly reader: string;
}

interface Names {
  readonly people: ReadonlyMap<string, string>;
  readonly agencies: ReadonlyMap<string, string>;
}

type Person = { userId?: string; role?: string } | null | undefined;

const personName = (names: Names, person: Person): string | undefined =>
  person?.userId
    ? (names.people.get(person.userId) ?? `${person.userId} (${person.role ?? 'role not recorded'})`)
    : undefined;

/** Agencies by name; a notice owed to everyone who holds information under a consent says so. */
const recipientName = (names: Names, recipient: string): string =>
  names.agencies.get(recipient) ??
  (recipient.startsWith('recipients-of-consent:')
    ? 'Every agency that received information under the consent'
    : recipient === SUBJECT_ACCESS_REQUESTER
      ? 'The person who made a subject-access request'
      : recipient);

async function namesOf(directory: Directory): Promise<Names> {
  const [people, agencies] = [await directory.users(), await directory.agencies()];
  return {
    people: new Map(people.map((p) => [p.userId, p.displayName])),
    agencies: new Map(agencies.map((a) => [a.agencyId, a.name])),
  };
}

/** Who approved: the senior colleague or DSL who approved it, else (with consent) who decided or made it. */
function approverInWords(names: Names, entry: Record<string, unknown>): string {
  const approved = personName(names, entry.approvedBy as Person);
  if (approved) return approved;
  const decided = personName(names, (entry.decidedBy ?? entry.disclosedBy) as Person);
  return decided
    ? `No approval needed (with consent); decided by ${decided}`
    : 'No approval needed: a notice the platform sends by rule';
}

const toldInWords = (told: { informed?: boolean; how?: string; reason?: string } | null | undefined) =>
  told?.informed === true ? `Yes: ${told.how}` : told?.informed === false ? `No: ${told.reason}` : 'Not recorded';

function reportedDisclosure(names: Names, entry: Record<string, unknown>): ReportedDisclosure {
  const items = entry.items as Array<{ category?: string | null; fields: string[] }>;
  const at = entry.disclosedAt as Date;
  return {
    disclosureId: String(entry.disclosureId),
    date: ukDate(at),
    disclosedAt: at.toISOString(),
    recipient:
      recipientName(names, String(entry.recipientAgencyId)) +
      (entry.recipientUserId ? `, ${personName(names, { userId: String(entry.recipientUserId) })}` : ''),
    what: items.map((i) => ({
      category: i.category ? categoryLabel(i.category) : null,
      fields: [...new Set(i.fields.map(fieldLabel))],
    })),
    purpose: (entry.purpose as string | null) ?? null,
    reasons: (entry.reasons as string | null) ?? null,
    basis: basisInWords(entry.basis as never),
    approvedBy: approverInWords(names, entry),
    familyTold: toldInWords(entry.familyTold as never),
    howSent: [
      channelLabel(String(entry.channel)),
      ...((entry.messages as Array<{ topic: string }> | undefined) ?? []).map((m) => `message ${m.topic}`),
    ].join('; '),
  };
}

/**
 * The subject-access report of one child (DESIGN §6): every entry of the disclosure
 * ledger and every decision not to share. The family's copy leaves out what is withheld from
 * the family, without a trace; the dpo's copy keeps it, marked with its exemption and reason.
 * Null when the platform holds no record of the child.
 */
export async function subjectAccessReport(
  manager: EntityManager,
  directory: Directory,
  request: {
    childId: string;
    copy: SubjectAccessCopy;
    now: Date;
    listsNaming: readonly LoggedAccess[];
    /** Categories this reader may not see (a parent's copy: what a competent child refused them, ADR 017): left out without a trace. */
    hiddenCategories?: ReadonlySet<string>;
  },
): Promise<SubjectAccessReport | null> {
  const { childId, copy, now, listsNaming } = request;
  const hidden = request.hiddenCategories ?? new Set<string>();
  const [child]: Array<{
    givenName: string | null;
    familyName: string | null;
    dateOfBirth: string | null;
    erased: boolean;
  }> = await manager.query(
    `SELECT given_name AS "givenName", family_name AS "familyName", date_of_birth::text AS "dateOfBirth", erased FROM read_models.child_records WHERE child_id = $1`,
    [childId],
  );
  if (!child) return null;
  const names = await namesOf(directory);
  const shown = <T extends { withheld?: Withholding }>(entry: Record<string, unknown>, reported: T): T[] => {
    const withheld = withholding(entry as never);
    if (!withheld) return [reported];
    return copy === 'dpo' ? [{ ...reported, withheld }] : [];
  };
  const disclosures = (await disclosuresOfChild(manager, childId))
    // The family's own reads are not told back to them: the dpo's copy lists them (ADR 024).
    .filter((entry) => copy === 'dpo' || entry.kind !== FAMILY_VIEW)
    .map((entry) => ({
      ...entry,
      items: (entry.items as Array<{ category?: string | null }>).filter((i) => !i.category || !hidden.has(i.category)),
    }))
    .filter((entry) => entry.items.length > 0)
    .flatMap((entry) => shown(entry, reportedDisclosure(names, entry)));
  // A decision not to share a hidden category would still say what it was about.
  const refused = (await decisionsOfChild(manager, childId)).filter(
    (d) => d.outcome === 'refuse' && !((d.categories as string[] | null) ?? []).some((c) => hidden.has(c)),
  );
  const decisionsNotToShare = refused.flatMap((d) =>
    shown<ReportedDecisionNotToShare>(d, {
      date: ukDate(d.decidedAt as Date),
      recipient: recipientName(names, String(d.recipientAgencyId)),
      reasons: (d.reasons as string | null) ?? null,
    }),
  );
  return {
    copy,
    child: {
      childId,
      name: child.erased ? 'Record erased' : [child.givenName, child.familyName].filter(Boolean).join(' '),
      dateOfBirth: child.dateOfBirth ? ukDate(child.dateOfBirth) : null,
    },
    generatedOn: ukDate(now),
    generatedAt: now.toISOString(),
    disclosures,
    decisionsNotToShare,
    listsNamingChild: listsNaming.map(({ at, userId, role, agencyId, resource, basis }) => ({
      at,
      userId,
      role,
      agencyId,
      resource,
      basis,
      date: ukDate(new Date(at)),
      reader: `${personName(names, { userId, role }) ?? userId}, ${recipientName(names, agencyId)}`,
    })),
  };
}
