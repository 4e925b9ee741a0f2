import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every action plan of a case; `current` marks the one in force (003 Box 1, step 4). */
@Entity({ schema: 'read_models', name: 'mentor_action_plans' })
@Index('mentor_action_plans_school', ['schoolId'], { where: 'current' })
export class MentorActionPlan {
  @PrimaryColumn('text', { name: 'referral_id' }) referralId!: string;
  @PrimaryColumn('text', { name: 'plan_id' }) planId!: string;
  @Column('text', { name: 'child_id' }) childId!: string;
  @Column('text', { name: 'school_id' }) schoolId!: string;
  @Column('date', { name: 'agreed_on' }) agreedOn!: string;
  @Column('text', { name: 'intervention_length' }) interventionLength!: string;
  /** Null once erased. */
  @Column('text', { array: true, nullable: true }) strategies!: string[] | null;
  @Column('text', { array: true }) services!: string[];
  @Column('date', { name: 'planned_end_on', nullable: true }) plannedEndOn!: string | null;
  @Column('date', { name: 'review_on' }) reviewOn!: string;
  @Column('text', { name: 'target_ids', array: true }) targetIds!: string[];
  @Column('boolean') current!: boolean;
}
