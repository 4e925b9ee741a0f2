import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One learning-mentor case (referral-{id}) as the school follows it: where it stands in
 * R.A.F.I.E., who holds it, what is due, and the measures at referral and at exit.
 * The triage list, the register, caseloads, reviews due, endings, follow-ups and
 * outcomes are all queries over these rows (see ./queries).
 */
@Entity({ schema: 'read_models', name: 'mentor_cases' })
@Index('mentor_cases_school_stage', ['schoolId', 'stage'])
@Index('mentor_cases_mentor', ['mentorId'], { where: "stage = 'on-register'" })
@Index('mentor_cases_child', ['childId'])
@Index('mentor_cases_next_review', ['schoolId', 'nextReviewOn'], { where: "stage = 'on-register'" })
@Index('mentor_cases_register_page', { synchronize: false }) // on the register's priority expression, which TypeORM cannot describe
@Index('mentor_cases_triage_page', ['schoolId', 'referredOn', 'referralId'], { where: "stage = 'awaiting-triage'" })
export class MentorCase {
  @PrimaryColumn('text', { name: 'referral_id' }) referralId!: string;
  @Column('text', { name: 'child_id' }) childId!: string;
  @Column('text', { name: 'school_id' }) schoolId!: string;
  /** awaiting-triage, on-register, declined, redirected-to-mast, closed. */
  @Column('text') stage!: string;
  @Column('text') source!: string;
  @Column('text', { name: 'referring_agency_id', nullable: true }) referringAgencyId!: string | null;
  @Column('text', { array: true, nullable: true }) reasons!: string[] | null;
  @Column('date', { name: 'referred_on' }) referredOn!: string;
  @Column('boolean', { name: 'profile_complete', default: false }) profileComplete!: boolean;
  @Column('double precision', { name: 'attendance_at_referral', nullable: true }) attendanceAtReferral!: number | null;
  @Column('integer', { name: 'behaviour_at_referral', nullable: true }) behaviourAtReferral!: number | null;
  @Column('integer', { name: 'exclusions_at_referral', nullable: true }) exclusionsAtReferral!: number | null;
  @Column('text', { name: 'attainment_at_referral', nullable: true }) attainmentAtReferral!: string | null;
  @Column('date', { name: 'triaged_on', nullable: true }) triagedOn!: string | null;
  @Column('text', { nullable: true }) priority!: string | null;
  @Column('integer', { name: 'level_of_need', nullable: true }) levelOfNeed!: number | null;
  @Column('text', { name: 'bae_category', nullable: true }) baeCategory!: string | null;
  @Column('text', { name: 'triage_reason', nullable: true }) triageReason!: string | null;
  @Column('text', { name: 'mentor_id', nullable: true }) mentorId!: string | null;
  @Column('text', { name: 'work_mode', nullable: true }) workMode!: string | null;
  @Column('text', { name: 'consent_ids', array: true, default: '{}' }) consentIds!: string[];
  @Column('date', { name: 'agreement_signed_on', nullable: true }) agreementSignedOn!: string | null;
  @Column('date', { name: 'assessed_on', nullable: true }) assessedOn!: string | null;
  @Column('double precision', { name: 'baseline_attendance', nullable: true }) baselineAttendance!: number | null;
  @Column('integer', { name: 'baseline_behaviour', nullable: true }) baselineBehaviour!: number | null;
  @Column('text', { name: 'plan_id', nullable: true }) planId!: string | null;
  @Column('date', { name: 'plan_agreed_on', nullable: true }) planAgreedOn!: string | null;
  @Column('text', { name: 'intervention_length', nullable: true }) interventionLength!: string | null;
  @Column('date', { name: 'planned_end_on', nullable: true }) plannedEndOn!: string | null;
  @Column('date', { name: 'next_review_on', nullable: true }) nextReviewOn!: string | null;
  @Column('date', { name: 'last_review_on', nullable: true }) lastReviewOn!: string | null;
  @Column('text', { name: 'last_review_outcome', nullable: true }) lastReviewOutcome!: string | null;
  @Column('integer', { name: 'sessions_attended', default: 0 }) sessionsAttended!: number;
  @Column('integer', { name: 'sessions_missed', default: 0 }) sessionsMissed!: number;
  @Column('integer', { name: 'one_to_one_sessions', default: 0 }) oneToOneSessions!: number;
  @Column('integer', { name: 'group_sessions', default: 0 }) groupSessions!: number;
  @Column('integer', { name: 'in_class_sessions', default: 0 }) inClassSessions!: number;
  @Column('integer', { name: 'drop_in_sessions', default: 0 }) dropInSessions!: number;
  @Column('date', { name: 'last_session_on', nullable: true }) lastSessionOn!: string | null;
  @Column('date', { name: 'ending_planned_on', nullable: true }) endingPlannedOn!: string | null;
  @Column('integer', { name: 'ending_sessions_remaining', nullable: true }) endingSessionsRemaining!: number | null;
  @Column('integer', { name: 'sessions_since_ending_planned', default: 0 }) sessionsSinceEndingPlanned!: number;
  @Column('date', { name: 'ending_end_on', nullable: true }) endingEndOn!: string | null;
  @Column('date', { name: 'closed_on', nullable: true }) closedOn!: string | null;
  @Column('text', { name: 'close_reason', nullable: true }) closeReason!: string | null;
  @Column('double precision', { name: 'attendance_at_exit', nullable: true }) attendanceAtExit!: number | null;
  @Column('integer', { name: 'behaviour_at_exit', nullable: true }) behaviourAtExit!: number | null;
  @Column('integer', { name: 'exclusions_at_exit', nullable: true }) exclusionsAtExit!: number | null;
  @Column('date', { name: 'follow_up_due_on', nullable: true }) followUpDueOn!: string | null;
  @Column('date', { name: 'last_follow_up_on', nullable: true }) lastFollowUpOn!: string | null;
  @Column('text', { name: 'follow_up_outcome', nullable: true }) followUpOutcome!: string | null;
  /** Stream revision of the last event applied: the ETag for If-Match. */
  @Column('bigint') revision!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
