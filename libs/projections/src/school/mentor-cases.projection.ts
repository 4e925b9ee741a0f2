import type { EntityManager } from 'typeorm';
import type { ReferralEvent } from '@app/domain/referral/events';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, erasedChild, nullColumns } from '../erasure/forget';
import { MentorCase } from './mentor-case.entity';

type Data<T extends ReferralEvent['type']> = Extract<ReferralEvent, { type: T }>['data'];

/** Personal fields read as null once erased; `?? null` keeps columns honest either way. */
const orNull = <T>(value: T | null | undefined): T | null => (value === undefined ? null : value);

const ERASED_COLUMNS = [
  'reasons',
  'attendance_at_referral',
  'behaviour_at_referral',
  'exclusions_at_referral',
  'attainment_at_referral',
  'triage_reason',
  'baseline_attendance',
  'baseline_behaviour',
  'close_reason',
  'attendance_at_exit',
  'behaviour_at_exit',
  'exclusions_at_exit',
];

const SESSION_COLUMN = { 'one-to-one': 'one_to_one_sessions', group: 'group_sessions', 'in-class': 'in_class_sessions', 'drop-in': 'drop_in_sessions' } as const;

export const mentorCasesProjection: Projection = {
  name: 'mentor-cases',
  eventTypes: [
    'ReferralMade',
    'PrimaryAssessmentProfileCompleted',
    'ReferralTriaged',
    'MentoringAgreementSigned',
    'AssessmentRecorded',
    'TargetsSet',
    'ActionPlanAgreed',
    'SessionRecorded',
    'ReviewHeld',
    'EndingPlanned',
    'CaseClosed',
    'FollowUpRecorded',
    CHILD_RECORD_ERASED,
  ],
  tables: ['mentor_cases'],

  async apply(event: RecordedEvent, manager: EntityManager) {
    // Reasons, profile, baseline and exit figures come from personal fields; stages and dates stay.
    if (event.type === CHILD_RECORD_ERASED) return nullColumns(manager, 'mentor_cases', ERASED_COLUMNS, erasedChild(event));
    const repository = manager.getRepository(MentorCase);
    const referralId = (event.data as { referralId: string }).referralId;
    const stamp = { revision: event.revision.toString(), updatedAt: event.occurredAt };
    const update = (columns: Partial<MentorCase>) => repository.update({ referralId }, { ...columns, ...stamp });

    switch (event.type as ReferralEvent['type']) {
      case 'ReferralMade': {
        const data = event.data as unknown as Data<'ReferralMade'>;
        const profile = orNull(data.profile);
        await repository.upsert(
          {
            referralId,
            childId: data.childId,
            schoolId: data.schoolId,
            stage: 'awaiting-triage',
            source: data.source,
            referringAgencyId: orNull(data.referringAgencyId),
            reasons: data.reasons ? [...data.reasons] : null,
            referredOn: data.referredOn,
            // Erased (null) still means a profile was recorded.
            profileComplete: data.profile !== undefined,
            ...profileColumns(profile),
            consentIds: [],
            ...stamp,
          },
          ['referralId'],
        );
        return;
      }
      case 'PrimaryAssessmentProfileCompleted': {
        const data = event.data as unknown as Data<'PrimaryAssessmentProfileCompleted'>;
        await update({ profileComplete: true, ...profileColumns(orNull(data.profile)) });
        return;
      }
      case 'ReferralTriaged': {
        const data = event.data as unknown as Data<'ReferralTriaged'>;
        await update({
          stage: data.outcome === 'accepted-onto-register' ? 'on-register' : data.outcome,
          triagedOn: data.triagedOn,
          priority: data.priority,
          levelOfNeed: data.levelOfNeed,
          baeCategory: data.baeCategory,
          triageReason: orNull(data.reason),
          mentorId: orNull(data.mentorId),
          workMode: orNull(data.workMode),
          consentIds: [...(data.consentIds ?? [])],
        });
        return;
      }
      case 'MentoringAgreementSigned':
        await update({ agreementSignedOn: (event.data as unknown as Data<'MentoringAgreementSigned'>).signedOn });
        return;
      case 'AssessmentRecorded': {
        const data = event.data as unknown as Data<'AssessmentRecorded'>;
        await update({
          assessedOn: data.assessedOn,
          baselineAttendance: data.baseline?.attendancePercent ?? null,
          baselineBehaviour: data.baseline?.behaviourIncidents ?? null,
        });
        return;
      }
      case 'TargetsSet':
        // The targets live in mentor_case_targets; the case's revision still moves on, or an If-Match read after it is stale.
        await update({});
        return;
      case 'ActionPlanAgreed': {
        const data = event.data as unknown as Data<'ActionPlanAgreed'>;
        await update({
          planId: data.planId,
          planAgreedOn: data.agreedOn,
          interventionLength: data.interventionLength,
          plannedEndOn: orNull(data.plannedEndOn),
          nextReviewOn: data.reviewOn,
        });
        return;
      }
      case 'SessionRecorded': {
        const data = event.data as unknown as Data<'SessionRecorded'>;
        await manager.query(
          `UPDATE read_models.mentor_cases
              SET ${SESSION_COLUMN[data.kind]} = ${SESSION_COLUMN[data.kind]} + 1,
                  sessions_attended = sessions_attended + $2,
                  sessions_missed = sessions_missed + $3,
                  sessions_since_ending_planned = sessions_since_ending_planned + CASE WHEN ending_planned_on IS NOT NULL AND $2 = 1 THEN 1 ELSE 0 END,
                  last_session_on = GREATEST(last_session_on, $4::date),
                  revision = $5, updated_at = $6
            WHERE referral_id = $1`,
          [referralId, data.attended ? 1 : 0, data.attended ? 0 : 1, data.heldOn, stamp.revision, stamp.updatedAt],
        );
        return;
      }
      case 'ReviewHeld': {
        const data = event.data as unknown as Data<'ReviewHeld'>;
        const goesOn = data.outcome !== 'begin-ending';
        await update({
          lastReviewOn: data.heldOn,
          lastReviewOutcome: data.outcome,
          // Continue sets the next date; re-plan waits for the new plan's; begin-ending has none.
          nextReviewOn: orNull(data.nextReviewOn),
          // A review that decides to go on calls off an ending in preparation.
          ...(goesOn ? { endingPlannedOn: null, endingSessionsRemaining: null, endingEndOn: null, sessionsSinceEndingPlanned: 0 } : {}),
        });
        return;
      }
      case 'EndingPlanned': {
        const data = event.data as unknown as Data<'EndingPlanned'>;
        await update({ endingPlannedOn: data.plannedOn, endingSessionsRemaining: data.sessionsRemaining, endingEndOn: data.endOn, sessionsSinceEndingPlanned: 0 });
        return;
      }
      case 'CaseClosed': {
        const data = event.data as unknown as Data<'CaseClosed'>;
        await update({
          stage: 'closed',
          closedOn: data.closedOn,
          closeReason: data.reason,
          nextReviewOn: null,
          attendanceAtExit: data.exit?.attendancePercent ?? null,
          behaviourAtExit: data.exit?.behaviourIncidents ?? null,
          exclusionsAtExit: data.exit?.fixedTermExclusions ?? null,
          followUpDueOn: orNull(data.followUpDueOn),
        });
        return;
      }
      case 'FollowUpRecorded': {
        const data = event.data as unknown as Data<'FollowUpRecorded'>;
        await update({ lastFollowUpOn: data.heldOn, followUpOutcome: data.outcome });
        return;
      }
      default:
        return;
    }
  },
};

function profileColumns(profile: Data<'ReferralMade'>['profile'] | null): Partial<MentorCase> {
  return {
    attendanceAtReferral: profile?.attendancePercent ?? null,
    behaviourAtReferral: profile?.behaviourIncidents ?? null,
    exclusionsAtReferral: profile?.fixedTermExclusions ?? null,
    attainmentAtReferral: profile?.attainmentAgainstTarget ?? null,
  };
}
