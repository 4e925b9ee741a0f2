import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MastDecision } from '@app/domain';

/** One request for MAST involvement as it stands: the panel's and key workers' working list. */
@Entity({ schema: 'read_models', name: 'mast_requests' })
@Index('mast_requests_worker', ['workerId'], { where: 'worker_id IS NOT NULL' })
@Index('mast_requests_status', ['status'])
export class MastRequestRow {
  @PrimaryColumn('text', { name: 'request_id' })
  requestId!: string;

  @Column('text', { name: 'child_id' })
  childId!: string;

  @Column('text', { name: 'school_id' })
  schoolId!: string;

  @Column('text', { name: 'requested_by' })
  requestedBy!: string;

  /** Personal fields: null once the child's data key is erased. */
  @Column('jsonb', { name: 'parents_involved', nullable: true })
  parentsInvolved!: Array<{ name: string; relationship: string }> | null;

  @Column('text', { nullable: true })
  needs!: string | null;

  @Column('text', { name: 'already_tried', nullable: true })
  alreadyTried!: string | null;

  @Column('integer', { name: 'level_of_need' })
  levelOfNeed!: number;

  @Column('text', { name: 'consent_id' })
  consentId!: string;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  /** received, listed, deferred, allocated, decided, ended (as in the decider). */
  @Column('text')
  status!: string;

  /** The panel it is listed for, or was last decided at. */
  @Column('date', { name: 'panel_date', nullable: true })
  panelDate!: string | null;

  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('jsonb', { nullable: true })
  decision!: MastDecision | null;

  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason!: string | null;

  @Column('text', { name: 'worker_id', nullable: true })
  workerId!: string | null;

  @Column('text', { name: 'worker_kind', nullable: true })
  workerKind!: string | null;

  @Column('date', { name: 'decided_on', nullable: true })
  decidedOn!: string | null;

  @Column('date', { name: 'first_contact_on', nullable: true })
  firstContactOn!: string | null;

  @Column('date', { name: 'ended_on', nullable: true })
  endedOn!: string | null;

  @Column('bigint')
  revision!: string;

  @Column('boolean', { default: false })
  erased!: boolean;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
