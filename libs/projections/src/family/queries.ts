import type { EntityManager } from 'typeorm';
import type { CompetenceRecord } from '@app/domain';
import { CafFamilyCopy } from '../caf/caf-family-copy.entity';
import type { FamilyCopy } from '../caf/family-copy';
import { CompetenceAssessmentRow } from './competence-assessment.entity';
import { FamilyLinkRow } from './family-link.entity';

/** The live link of a family account to a child, if there is one. */
export async function liveLinkOf(
  manager: EntityManager,
  userId: string,
  childId: string,
): Promise<FamilyLinkRow | null> {
  return manager
    .getRepository(FamilyLinkRow)
    .createQueryBuilder('l')
    .where('l.user_id = :userId AND l.child_id = :childId AND l.unlinked_on IS NULL', { userId, childId })
    .getOne();
}

/** Every link of a child, ended ones too, in the order made: the school's record of who sees the child from home. */
export function linksOfChild(manager: EntityManager, childId: string): Promise<FamilyLinkRow[]> {
  return manager.getRepository(FamilyLinkRow).find({ where: { childId }, order: { sequence: 'ASC' } });
}

export interface LinkedChild {
  readonly childId: string;
  readonly name: string;
  readonly linkId: string;
  readonly kind: string;
  readonly relationship: string | null;
  readonly linkedOn: string;
}

/** The children a family account is linked to now. */
export function childrenLinkedTo(manager: EntityManager, userId: string): Promise<LinkedChild[]> {
  return manager.query(
    `SELECT l.child_id AS "childId", CASE WHEN c.erased THEN 'Record erased' ELSE concat_ws(' ', c.given_name, c.family_name) END AS name,
            l.link_id AS "linkId", l.kind, l.relationship, l.linked_on::text AS "linkedOn"
       FROM read_models.family_links l JOIN read_models.child_records c USING (child_id)
      WHERE l.user_id = $1 AND l.unlinked_on IS NULL
      ORDER BY l.linked_on, name, l.child_id`,
    [userId],
  );
}

/** The child's competence assessments as the consent domain's standing rule reads them. */
export async function competenceOf(manager: EntityManager, childId: string): Promise<CompetenceRecord[]> {
  const rows = await manager
    .getRepository(CompetenceAssessmentRow)
    .find({ where: { childId }, order: { sequence: 'ASC' } });
  return rows.map((r) => ({
    assessmentId: r.assessmentId,
    assessedOn: r.assessedOn,
    framework: r.framework as CompetenceRecord['framework'],
    outcome: r.outcome as CompetenceRecord['outcome'],
    childAge: r.childAge,
    sequence: Number(r.sequence),
  }));
}

/** The family-held copy of every CAF of the child, oldest first. */
export async function familyCopiesOfChild(manager: EntityManager, childId: string): Promise<FamilyCopy[]> {
  const rows = await manager.getRepository(CafFamilyCopy).find({ where: { childId } });
  return rows
    .map((r) => r.document)
    .sort((a, b) =>
      a.startedOn === b.startedOn ? a.cafId.localeCompare(b.cafId) : a.startedOn.localeCompare(b.startedOn),
    );
}
