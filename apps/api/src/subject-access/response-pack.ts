import { createHash } from 'node:crypto';
import { canonical } from '@app/platform';
import type { EntityManager } from 'typeorm';
import type { AccessLog } from '@app/access';
import type { Directory } from '@app/access';
import type { ExemptionApplied, PackItem, SentPack } from '@app/domain';
import type { PackSection } from '@app/domain';
import {
  type SubjectAccessCopy,
  type SubjectAccessReport,
  subjectAccessReport,
} from '../sharing/subject-access-report';

/** Of the value with its keys sorted: the same pack read back from the log has the same digest. */
export const sha256 = (value: unknown): string =>
  `sha256:${createHash('sha256').update(canonical(value), 'utf8').digest('hex')}`;

/** Every entry of a copy of the report, with the part it is in and its ledger id where it has one. */
const entriesOf = (
  report: SubjectAccessReport,
): Array<{ section: PackSection; ref: string | null; entry: object & { withheld?: { exemption: string } } }> => [
  ...report.disclosures.map((entry) => ({ section: 'disclosure' as const, ref: entry.disclosureId, entry })),
  ...report.decisionsNotToShare.map((entry) => ({ section: 'decision-not-to-share' as const, ref: null, entry })),
  ...report.listsNamingChild.map((entry) => ({ section: 'list-naming-child' as const, ref: null, entry })),
];

export interface ResponsePack {
  /** The family's copy of the subject-access report: what goes to the requester. */
  readonly report: SubjectAccessReport;
  readonly sent: SentPack;
  readonly exemptionsApplied: ExemptionApplied[];
}

/**
 * The response to a subject-access request: the family's copy of the subject-access report,
 * which leaves out what the withholding exemptions keep from the family; the dpo's copy says
 * which entries those were and under which exemption. Null when there is no such child.
 */
export async function responsePack(
  manager: EntityManager,
  directory: Directory,
  accessLog: AccessLog,
  childId: string,
  now: Date,
): Promise<ResponsePack | null> {
  const listsNaming = await accessLog.listsNaming(childId);
  const copy = (of: SubjectAccessCopy) =>
    subjectAccessReport(manager, directory, { childId, copy: of, now, listsNaming });
  const [family, dpo] = [await copy('family'), await copy('dpo')];
  if (!family || !dpo) return null;
  const items: PackItem[] = entriesOf(family).map(({ section, ref, entry }) => ({
    section,
    ref,
    digest: sha256(entry),
  }));
  const exemptionsApplied = entriesOf(dpo).flatMap(({ section, ref, entry }) =>
    entry.withheld ? [{ section, ref, exemption: entry.withheld.exemption }] : [],
  );
  return { report: family, sent: { digest: sha256(family), items }, exemptionsApplied };
}
