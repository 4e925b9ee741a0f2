import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A SMART target with its goal and the progress found at the latest review. */
@Entity({ schema: 'read_models', name: 'mentor_case_targets' })
export class MentorCaseTarget {
  @PrimaryColumn('text', { name: 'referral_id' }) referralId!: string;
  @PrimaryColumn('text', { name: 'target_id' }) targetId!: string;
  @Column('text', { name: 'child_id' }) childId!: string;
  @Column('text', { name: 'goal_id' }) goalId!: string;
  @Column('text', { name: 'goal_outcome', nullable: true }) goalOutcome!: string | null;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text', { nullable: true }) measure!: string | null;
  @Column('text', { nullable: true }) owner!: string | null;
  @Column('date', { name: 'due_on', nullable: true }) dueOn!: string | null;
  @Column('date', { name: 'set_on' }) setOn!: string;
  @Column('text', { name: 'latest_progress', nullable: true }) latestProgress!: string | null;
  @Column('text', { name: 'progress_note', nullable: true }) progressNote!: string | null;
  @Column('date', { name: 'progress_reviewed_on', nullable: true }) progressReviewedOn!: string | null;
}
