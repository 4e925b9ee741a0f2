import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface AttendanceEntry {
  userId: string;
  role: string;
  agencyId: string;
  name?: string;
  /** False once the member has left the meeting. */
  present: boolean;
}

/** One weekly panel meeting: its cut-off, attendance, minutes and closing. */
@Entity({ schema: 'read_models', name: 'mast_panels' })
export class MastPanelRow {
  @PrimaryColumn('date', { name: 'panel_date' })
  panelDate!: string;

  /** scheduled or closed. */
  @Column('text')
  status!: string;

  @Column('text', { name: 'scheduled_by' })
  scheduledBy!: string;

  @Column('timestamptz', { name: 'cut_off', nullable: true })
  cutOff!: Date | null;

  /** Requests that arrived after the cut-off, waiting for the next panel. */
  @Column('text', { name: 'held_over', array: true, default: () => "'{}'" })
  heldOver!: string[];

  @Column('jsonb', { default: () => "'[]'" })
  attendance!: AttendanceEntry[];

  @Column('text', { nullable: true })
  minutes!: string | null;

  @Column('text', { name: 'minutes_recorded_by', nullable: true })
  minutesRecordedBy!: string | null;

  @Column('text', { name: 'carried_over', array: true, default: () => "'{}'" })
  carriedOver!: string[];

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
