import type { EntityManager } from 'typeorm';
import type { ReferralEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, erasedChild, nullColumns } from '../erasure/forget';
import { MentorCase } from './mentor-case.entity';
import { type Assignments, assignmentsOfEntity, entityColumns, insertNewRows, updateRows } from '../runtime/row-sets';

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

const SESSION_COLUMN = {
  'one-to-one': 'one_to_one_sessions',
  group: 'group_sessions',
  'in-class': 'in_class_sessions',
  'drop-in': 'drop_in_sessions',
} as const;

type SessionKind = keyof typeof SESSION_COLUMN;
const SESSION_KINDS = Object.keys(SESSION_COLUMN) as SessionKind[];
const NO_SESSIONS = Object.fromEntries(SESSION_KINDS.map((kind) => [kind, 0])) as Record<SessionKind, number>;

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
    const change = changeOf(event);
    const repository = manager.getRepository(MentorCase);
    switch (change.kind) {
      case 'erase':
        return nullColumns(manager, 'mentor_cases', ERASED_COLUMNS, change.childId);
      case 'open':
        await repository.upsert(change.row, ['referralId']);
        return;
      case 'update':
        await repository.update({ referralId: change.referralId }, change.columns);
        return;
      case 'session':
        await recordSessions(manager, [change]);
        return;
      default:
        return;
    }
  },

  applyBatch: applyFolded,
};

type Change =
  | { kind: 'erase'; childId: string }
  | { kind: 'open'; referralId: string; row: Partial<MentorCase> }
  | { kind: 'update'; referralId: string; columns: Partial<MentorCase> }
  | {
      kind: 'session';
      referralId: string;
      /** Sessions held, by kind: one for an event, more once consecutive sessions are folded. */
      held: Readonly<Record<SessionKind, number>>;
      attended: number;
      missed: number;
      /**
       * Of those attended, the ones after the last assignment that restarted the count towards
       * an ending (EndingPlanned, or a review calling it off): what that count still adds.
       */
      towardEnding: number;
      /** The latest day among them. */
      heldOn: string;
      revision: string;
      updatedAt: Date;
    }
  | { kind: 'none' };

type Session = Extract<Change, { kind: 'session' }>;

/** What an event does to its case's row. */
function changeOf(event: RecordedEvent): Change {
  // Reasons, profile, baseline and exit figures come from personal fields; stages and dates stay.
  if (event.type === CHILD_RECORD_ERASED) return { kind: 'erase', childId: erasedChild(event) };
  const referralId = (event.data as { referralId: string }).referralId;
  const stamp = { revision: event.revision.toString(), updatedAt: event.occurredAt };
  const update = (columns: Partial<MentorCase>): Change => ({
    kind: 'update',
    referralId,
    columns: { ...columns, ...stamp },
  });

  switch (event.type as ReferralEvent['type']) {
    case 'ReferralMade': {
      const data = event.data as unknown as Data<'ReferralMade'>;
      const profile = orNull(data.profile);
      return {
        kind: 'open',
        referralId,
        row: {
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
      };
    }
    case 'PrimaryAssessmentProfileCompleted': {
      const data = event.data as unknown as Data<'PrimaryAssessmentProfileCompleted'>;
      return update({ profileComplete: true, ...profileColumns(orNull(data.profile)) });
    }
    case 'ReferralTriaged': {
      const data = event.data as unknown as Data<'ReferralTriaged'>;
      return update({
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
    }
    case 'MentoringAgreementSigned':
      return update({ agreementSignedOn: (event.data as unknown as Data<'MentoringAgreementSigned'>).signedOn });
    case 'AssessmentRecorded': {
      const data = event.data as unknown as Data<'AssessmentRecorded'>;
      return update({
        assessedOn: data.assessedOn,
        baselineAttendance: data.baseline?.attendancePercent ?? null,
        baselineBehaviour: data.baseline?.behaviourIncidents ?? null,
      });
    }
    case 'TargetsSet':
      // The targets live in mentor_case_targets; the case's revision still moves on, or an If-Match read after it is stale.
      return update({});
    case 'ActionPlanAgreed': {
      const data = event.data as unknown as Data<'ActionPlanAgreed'>;
      return update({
        planId: data.planId,
        planAgreedOn: data.agreedOn,
        interventionLength: data.interventionLength,
        plannedEndOn: orNull(data.plannedEndOn),
        nextReviewOn: data.reviewOn,
      });
    }
    case 'SessionRecorded': {
      const data = event.data as unknown as Data<'SessionRecorded'>;
      return {
        kind: 'session',
        referralId,
        held: { ...NO_SESSIONS, [data.kind]: 1 },
        attended: data.attended ? 1 : 0,
        missed: data.attended ? 0 : 1,
        towardEnding: data.attended ? 1 : 0,
        heldOn: data.heldOn,
        ...stamp,
      };
    }
    case 'ReviewHeld': {
      const data = event.data as unknown as Data<'ReviewHeld'>;
      const goesOn = data.outcome !== 'begin-ending';
      return update({
        lastReviewOn: data.heldOn,
        lastReviewOutcome: data.outcome,
        // Continue sets the next date; re-plan waits for the new plan's; begin-ending has none.
        nextReviewOn: orNull(data.nextReviewOn),
        // A review that decides to go on calls off an ending in preparation.
        ...(goesOn
          ? { endingPlannedOn: null, endingSessionsRemaining: null, endingEndOn: null, sessionsSinceEndingPlanned: 0 }
          : {}),
      });
    }
    case 'EndingPlanned': {
      const data = event.data as unknown as Data<'EndingPlanned'>;
      return update({
        endingPlannedOn: data.plannedOn,
        endingSessionsRemaining: data.sessionsRemaining,
        endingEndOn: data.endOn,
        sessionsSinceEndingPlanned: 0,
      });
    }
    case 'CaseClosed': {
      const data = event.data as unknown as Data<'CaseClosed'>;
      return update({
        stage: 'closed',
        closedOn: data.closedOn,
        closeReason: data.reason,
        nextReviewOn: null,
        attendanceAtExit: data.exit?.attendancePercent ?? null,
        behaviourAtExit: data.exit?.behaviourIncidents ?? null,
        exclusionsAtExit: data.exit?.fixedTermExclusions ?? null,
        followUpDueOn: orNull(data.followUpDueOn),
      });
    }
    case 'FollowUpRecorded': {
      const data = event.data as unknown as Data<'FollowUpRecorded'>;
      return update({ lastFollowUpOn: data.heldOn, followUpOutcome: data.outcome });
    }
    default:
      return { kind: 'none' };
  }
}

/**
 * Sessions of different cases in one statement: each adds its counts to its own case's, after
 * the batch's assignments. A session after an ending was planned counts towards it when
 * attended: the ending as the assignments left it, and only the sessions after them.
 */
async function recordSessions(manager: EntityManager, sessions: readonly Session[]): Promise<void> {
  const counted = (kind: SessionKind, n: number) => `${SESSION_COLUMN[kind]} = ${SESSION_COLUMN[kind]} + m.held_${n}`;
  const rest = SESSION_KINDS.length + 2;
  await manager.query(
    `UPDATE read_models.mentor_cases
        SET ${SESSION_KINDS.map(counted).join(', ')},
            sessions_attended = sessions_attended + m.attended,
            sessions_missed = sessions_missed + m.missed,
            sessions_since_ending_planned = sessions_since_ending_planned + CASE WHEN ending_planned_on IS NOT NULL THEN m.toward_ending ELSE 0 END,
            last_session_on = GREATEST(last_session_on, m.held_on),
            revision = m.revision, updated_at = m.updated_at
       FROM unnest($1::text[], ${SESSION_KINDS.map((_, n) => `$${n + 2}::int[]`).join(', ')}, $${rest}::int[], $${rest + 1}::int[], $${rest + 2}::int[], $${rest + 3}::date[], $${rest + 4}::bigint[], $${rest + 5}::timestamptz[])
            AS m(referral_id, ${SESSION_KINDS.map((_, n) => `held_${n}`).join(', ')}, attended, missed, toward_ending, held_on, revision, updated_at)
      WHERE mentor_cases.referral_id = m.referral_id`,
    [
      sessions.map((s) => s.referralId),
      ...SESSION_KINDS.map((kind) => sessions.map((s) => s.held[kind])),
      sessions.map((s) => s.attended),
      sessions.map((s) => s.missed),
      sessions.map((s) => s.towardEnding),
      sessions.map((s) => s.heldOn),
      sessions.map((s) => s.revision),
      sessions.map((s) => s.updatedAt.toISOString()),
    ],
  );
}

/**
 * A batch as at most three statements: each case's changes folded into one row write (new
 * cases opened in one INSERT per set of columns, the others in one UPDATE) and one count of
 * sessions after it. A batch with an erasure (which reaches every case of a child), or with
 * a case opened again after other changes, applies event by event.
 */
async function applyFolded(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  const changes = events.map(changeOf);
  const cases = changes.some((c) => c.kind === 'erase') ? null : foldedByCase(changes);
  if (!cases) {
    for (const event of events) await mentorCasesProjection.apply(event, manager);
    return;
  }
  const columns = entityColumns(manager, MentorCase);
  const key = columns.get('referralId')!;
  // Openings folded with different assignments insert different columns: one INSERT per set of columns.
  const openings = new Map<string, Map<string, Assignments>>();
  const updated = new Map<string, Assignments>();
  for (const { write } of cases) {
    if (write?.kind === 'open') {
      const row = assignmentsOfEntity(columns, write.row);
      const named = [...row.keys()].sort().join();
      (openings.get(named) ?? openings.set(named, new Map()).get(named)!).set(write.referralId, row);
    } else if (write?.kind === 'update') updated.set(write.referralId, assignmentsOfEntity(columns, write.columns));
  }
  for (const opened of openings.values()) {
    const rowColumns = [...[...opened.values()][0].keys()]
      .filter((name) => name !== key.name)
      .map((name) => [...columns.values()].find((c) => c.name === name)!);
    const inserted = await insertNewRows(manager, TABLE, key, rowColumns, opened);
    await updateRows(
      manager,
      TABLE,
      key,
      [...columns.values()].filter((c) => c !== key),
      new Map([...opened].filter(([id]) => !inserted.has(id))),
    );
  }
  await updateRows(
    manager,
    TABLE,
    key,
    [...columns.values()].filter((c) => c !== key && [...updated.values()].some((a) => a.has(c.name))),
    updated,
  );
  const sessions = cases.flatMap(({ sessions }) => (sessions ? [sessions] : []));
  if (sessions.length > 0) await recordSessions(manager, sessions);
}

const TABLE = 'read_models.mentor_cases';

type CaseChange = Exclude<Change, { kind: 'erase' | 'none' }>;
type RowWrite = Extract<CaseChange, { kind: 'open' | 'update' }>;

/** One case's changes of a batch: its row's assignments (the later value of a column winning), then its sessions. */
interface CaseChanges {
  write?: RowWrite;
  sessions?: Session;
}

/**
 * Each case's changes in log order, folded. Assignments and session counts commute, but for
 * the count towards an ending: an assignment that restarts it (EndingPlanned, or a review
 * calling the ending off) discards the attended sessions before it. The sessions then carry
 * the case's last revision, since they are written last. Null when a case is opened after
 * other changes of its own in the batch: no fold says what that leaves.
 */
function foldedByCase(changes: readonly Change[]): CaseChanges[] | null {
  const cases = new Map<string, CaseChanges & { last: CaseChange }>();
  for (const change of changes) {
    if (change.kind === 'none' || change.kind === 'erase') continue;
    const before = cases.get(change.referralId);
    const folded = before ?? { last: change };
    if (change.kind === 'open') {
      if (before) return null;
      folded.write = change;
    } else if (change.kind === 'update') {
      folded.write = withAssignments(folded.write, change);
      if (folded.sessions && 'sessionsSinceEndingPlanned' in change.columns)
        folded.sessions = { ...folded.sessions, towardEnding: 0 };
    } else folded.sessions = folded.sessions ? withSession(folded.sessions, change) : change;
    folded.last = change;
    cases.set(change.referralId, folded);
  }
  return [...cases.values()].map(({ write, sessions, last }) => ({
    write,
    sessions: sessions && { ...sessions, ...stampOf(last) },
  }));
}

const withAssignments = (before: RowWrite | undefined, update: Extract<RowWrite, { kind: 'update' }>): RowWrite =>
  !before
    ? update
    : before.kind === 'open'
      ? { ...before, row: { ...before.row, ...update.columns } }
      : { ...before, columns: { ...before.columns, ...update.columns } };

const stampOf = (change: CaseChange): { revision: string; updatedAt: Date } =>
  change.kind === 'session'
    ? { revision: change.revision, updatedAt: change.updatedAt }
    : {
        revision: (change.kind === 'open' ? change.row : change.columns).revision!,
        updatedAt: (change.kind === 'open' ? change.row : change.columns).updatedAt!,
      };

/** Two runs of sessions of a case, one after the other, as one. */
const withSession = (before: Session, after: Session): Session => ({
  ...after,
  held: Object.fromEntries(SESSION_KINDS.map((kind) => [kind, before.held[kind] + after.held[kind]])) as Record<
    SessionKind,
    number
  >,
  attended: before.attended + after.attended,
  missed: before.missed + after.missed,
  towardEnding: before.towardEnding + after.towardEnding,
  heldOn: before.heldOn > after.heldOn ? before.heldOn : after.heldOn,
});

function profileColumns(profile: Data<'ReferralMade'>['profile'] | null): Partial<MentorCase> {
  return {
    attendanceAtReferral: profile?.attendancePercent ?? null,
    behaviourAtReferral: profile?.behaviourIncidents ?? null,
    exclusionsAtReferral: profile?.fixedTermExclusions ?? null,
    attainmentAtReferral: profile?.attainmentAgainstTarget ?? null,
  };
}
