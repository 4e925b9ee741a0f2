import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NamedPractitioner } from '@app/domain';

/** One common assessment as the lead professional and the team around the child see it. */
@Entity({ schema: 'read_models', name: 'caf_cases' })
@Index('caf_cases_lead', ['leadProfessionalUserId'])
@Index('caf_cases_child', ['childId'])
export class CafCase {
  @PrimaryColumn('text', { name: 'caf_id' })
  cafId!: string;

  @Column('text', { name: 'child_id' })
  childId!: string;

  /** assessing, completed or closed. */
  @Column('text')
  status!: string;

  @Column('text', { name: 'started_by' })
  startedBy!: string;

  @Column('text', { name: 'started_by_agency_id' })
  startedByAgencyId!: string;

  @Column('date', { name: 'started_on' })
  startedOn!: string;

  @Column('text', { name: 'reason_for_assessment', nullable: true })
  reasonForAssessment!: string | null;

  @Column('date', { name: 'completed_on', nullable: true })
  completedOn!: string | null;

  @Column('jsonb', { name: 'lead_professional', nullable: true })
  leadProfessional!: NamedPractitioner | null;

  @Column('text', { name: 'lead_professional_user_id', nullable: true })
  leadProfessionalUserId!: string | null;

  @Column('date', { name: 'lead_since', nullable: true })
  leadSince!: string | null;

  @Column('date', { name: 'next_review_on', nullable: true })
  nextReviewOn!: string | null;

  @Column('date', { name: 'last_reviewed_on', nullable: true })
  lastReviewedOn!: string | null;

  @Column('date', { name: 'closed_on', nullable: true })
  closedOn!: string | null;

  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('bigint')
  revision!: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
