import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MastDecision } from '@app/domain';

export interface ConflictEntry {
  memberId: string;
  /** Personal: null once the child's data key is erased. */
  nature: string | null;
}

/** One request on one panel's agenda, and the decision recorded on it in the meeting. */
@Entity({ schema: 'read_models', name: 'mast_agenda_items' })
@Index('mast_agenda_items_request', ['requestId'])
export class MastAgendaItem {
  @PrimaryColumn('date', { name: 'panel_date' })
  panelDate!: string;

  @PrimaryColumn('text', { name: 'request_id' })
  requestId!: string;

  @Column('integer')
  position!: number;

  @Column('text', { name: 'child_id' })
  childId!: string;

  @Column('text', { name: 'school_id' })
  schoolId!: string;

  @Column('integer', { name: 'level_of_need' })
  levelOfNeed!: number;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  /** Deferred by an earlier panel and back on the agenda. */
  @Column('boolean', { name: 'is_returning', default: false })
  returning!: boolean;

  /** listed, decided, or carried-over (the panel closed without deciding it). */
  @Column('text')
  status!: string;

  @Column('jsonb', { default: () => "'[]'" })
  conflicts!: ConflictEntry[];

  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('jsonb', { nullable: true })
  decision!: MastDecision | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('jsonb', { nullable: true })
  participants!: Array<{ userId: string; role: string; agencyId: string; name?: string }> | null;

  @Column('text', { array: true, nullable: true })
  conflicted!: string[] | null;

  @Column('jsonb', { nullable: true })
  quorum!: { minMembers: number; minAgencies: number } | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;
}
