import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One clock: the response to the school (per decision) or the first contact (per allocation). */
@Entity({ schema: 'read_models', name: 'mast_deadlines' })
@Index('mast_deadlines_open', ['dueBy'], { where: 'met_on IS NULL' })
@Index('mast_deadlines_owner', ['ownerUserId'])
export class MastDeadlineRow {
  @PrimaryColumn('text', { name: 'request_id' })
  requestId!: string;

  /** 'response' or 'first-contact'. */
  @PrimaryColumn('text')
  deadline!: string;

  /** The panel (decision) day the clock runs from. */
  @PrimaryColumn('date', { name: 'started_on' })
  startedOn!: string;

  @Column('text', { name: 'child_id' })
  childId!: string;

  @Column('date', { name: 'due_by' })
  dueBy!: string;

  @Column('text', { name: 'owner_user_id' })
  ownerUserId!: string;

  @Column('text', { name: 'owner_agency_id' })
  ownerAgencyId!: string;

  @Column('text', { name: 'owner_role' })
  ownerRole!: string;

  @Column('date', { name: 'met_on', nullable: true })
  metOn!: string | null;

  /** "First contact on working day 9": counted from the panel by the domain's calendar. */
  @Column('integer', { name: 'met_on_working_day', nullable: true })
  metOnWorkingDay!: number | null;

  @Column('boolean', { default: false })
  breached!: boolean;

  @Column('text', { name: 'breach_reason', nullable: true })
  breachReason!: string | null;

  @Column('date', { name: 'breach_recorded_on', nullable: true })
  breachRecordedOn!: string | null;
}
