import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RelationshipEvidence } from '@app/domain';

/** One link of a family account to a child: who, as what, on what evidence, and when it ended. */
@Entity({ schema: 'read_models', name: 'family_links' })
@Index('family_links_user', ['userId', 'childId'], { where: 'unlinked_on IS NULL' })
@Index('family_links_child', ['childId'])
export class FamilyLinkRow {
  @PrimaryColumn('text', { name: 'link_id' }) linkId!: string;
  @Column('text', { name: 'child_id' }) childId!: string;
  @Column('text', { name: 'user_id' }) userId!: string;
  /** parent-carer or young-person. */
  @Column('text') kind!: string;
  @Column('text', { nullable: true }) relationship!: string | null;
  /** Null once the child's data key is erased. */
  @Column('jsonb', { nullable: true }) evidence!: RelationshipEvidence | null;
  @Column('date', { name: 'linked_on' }) linkedOn!: string;
  @Column('text', { name: 'linked_by' }) linkedBy!: string;
  @Column('date', { name: 'unlinked_on', nullable: true }) unlinkedOn!: string | null;
  @Column('text', { name: 'unlink_reason', nullable: true }) unlinkReason!: string | null;
  @Column('text', { name: 'unlinked_by', nullable: true }) unlinkedBy!: string | null;
  /** Revision in family-{childId}: links listed in the order the school made them. */
  @Column('bigint') sequence!: string;
}
