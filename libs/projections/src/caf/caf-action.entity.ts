import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One action of the integrated action plan, owned by an agency. */
@Entity({ schema: 'read_models', name: 'caf_actions' })
@Index('caf_actions_owner', ['ownerAgencyId'])
export class CafAction {
  @PrimaryColumn('text', { name: 'caf_id' })
  cafId!: string;

  @PrimaryColumn('text', { name: 'action_id' })
  actionId!: string;

  @Column('text', { name: 'child_id' })
  childId!: string;

  /** Personal: null once the child's data key is erased. */
  @Column('text', { nullable: true })
  action!: string | null;

  @Column('text', { name: 'owner_agency_id' })
  ownerAgencyId!: string;

  @Column('text', { name: 'owner_user_id', nullable: true })
  ownerUserId!: string | null;

  @Column('date', { name: 'due_by' })
  dueBy!: string;

  /** agreed, in-progress, done, not-done, dropped. */
  @Column('text')
  status!: string;

  @Column('date', { name: 'agreed_on' })
  agreedOn!: string;

  @Column('text', { name: 'last_note', nullable: true })
  lastNote!: string | null;

  @Column('date', { name: 'updated_on' })
  updatedOn!: string;
}
