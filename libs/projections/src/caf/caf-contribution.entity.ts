import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every contribution as recorded, superseded ones included: the practitioners' record. */
@Entity({ schema: 'read_models', name: 'caf_contributions' })
export class CafContribution {
  @PrimaryColumn('text', { name: 'caf_id' })
  cafId!: string;

  @PrimaryColumn('text', { name: 'contribution_id' })
  contributionId!: string;

  @Column('text')
  domain!: string;

  @Column('text')
  element!: string;

  @Column('text', { nullable: true })
  text!: string | null;

  @Column('text', { name: 'contributor_user_id' })
  contributorUserId!: string;

  @Column('text', { name: 'contributor_agency_id' })
  contributorAgencyId!: string;

  @Column('text', { name: 'contributor_role' })
  contributorRole!: string;

  @Column('date', { name: 'recorded_on' })
  recordedOn!: string;

  @Column('boolean', { name: 'second_hand' })
  secondHand!: boolean;

  @Column('boolean', { name: 'withheld_from_family' })
  withheldFromFamily!: boolean;

  @Column('text', { name: 'withheld_reason', nullable: true })
  withheldReason!: string | null;

  @Column('text', { nullable: true })
  supersedes!: string | null;

  @Column('text', { name: 'superseded_by', nullable: true })
  supersededBy!: string | null;

  @Column('text', { name: 'correction_reason', nullable: true })
  correctionReason!: string | null;
}
