import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FamilyCopy } from './family-copy';

/**
 * The family-held copy of the CAF (003 §1a: "a copy of which is owned by the child,
 * young person or family"). A separate document, so what is withheld from the family
 * never enters it and no query filter can forget to leave it out.
 */
@Entity({ schema: 'read_models', name: 'caf_family_copies' })
export class CafFamilyCopy {
  @PrimaryColumn('text', { name: 'caf_id' })
  cafId!: string;

  @Column('text', { name: 'child_id' })
  childId!: string;

  @Column('jsonb')
  document!: FamilyCopy;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
