import { randomBytes } from 'node:crypto';
import { eventCatalogue } from '@app/domain';
import { ConsentMissing, consentNeededForMentoring } from '@app/domain';
import { ChildDataKeys } from '@app/event-store';
import { ProtectedEventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import type { EntityManager } from 'typeorm';
import { childRecordsProjection } from '../children/child-records.projection';
import { consentScopesProjection } from '../consent/consent-scopes.projection';
import { ProjectionRunner } from '../runtime/projection-runner';
import { RecordedHistory } from '../testing/recorded-history';
import { appendDecided } from '../testing/decide-and-append';
import { retentionStream } from '@app/domain';
import type { ReferralCommand } from '@app/domain';
import { referralStream } from '@app/domain';
import { steps } from '@app/domain/testing';
import { mentorActionPlansProjection } from './mentor-action-plans.projection';
import { mentorCasesProjection } from './mentor-cases.projection';
import {
  actionPlans,
  caseOutcomes,
  mentorCaseRecord,
  mentorCasesOfChild,
  endingsAndFollowUpsDue,
  learningMentorPupilRegister,
  mentorCaseload,
  mentorCaseloads,
  referralsAwaitingTriage,
  reviewsDue,
  schoolOutcomes,
} from './queries';
import { acceptance, MENTORS, Oakfield, SCHOOL } from './testing/oakfield';

const projections = [
  childRecordsProjection,
  mentorCasesProjection,
  mentorActionPlansProjection,
  consentScopesProjection,
];

describe("school read models: Oakfield's learning-mentor casework, spring term 2026", () => {
  let db: TestDatabase;
  let keys: ChildDataKeys;
  let store: ProtectedEventStore;
  let runner: ProjectionRunner;
  let manager: EntityManager;
  let oakfield: Oakfield;

  const catchUp = async () => {
    for (const projection of projections) await runner.catchUp(projection);
  };

  beforeAll(async () => {
    db = await createTestDatabase('school_casework');
    keys = new ChildDataKeys(db.pool, randomBytes(32));
    store = new ProtectedEventStore(new PostgresEventStore({ pool: db.pool }), keys, eventCatalogue);
    runner = new ProjectionRunner(db.dataSource, store, projections, 50);
    manager = db.dataSource.manager;
    const history = new RecordedHistory(store, { userId: 'u-mentor-nicky', role: 'learning-mentor', agencyId: SCHOOL });
    oakfield = new Oakfield(history, manager, () => runner.catchUp(consentScopesProjection));

    await oakfield.amira();
    await oakfield.jay();
    await oakfield.kai();
    await oakfield.zara();
    await oakfield.tom();
    await oakfield.lily();
    await oakfield.caseload(MENTORS.busy, 'busy', 16, 2);
    await oakfield.caseload(MENTORS.full, 'full', 15);
    await oakfield.benReviewOverdue('r-busy-1', 'child-busy-1');
    await catchUp();
  });

  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('rebuilds to the same rows in sets, a term in one batch, as applying it event by event left', async () => {
    const tables = projections.flatMap((p) => p.tables);
    const rows = async () =>
      Object.fromEntries(
        await Promise.all(
          tables.map(async (table) => {
            const all: object[] = await manager.query(`SELECT * FROM read_models.${table}`);
            return [table, all.map((row) => JSON.stringify(row)).sort()] as const;
          }),
        ),
      );
    const live = await rows();
    expect(live.mentor_case_targets.length).toBeGreaterThan(0);
    expect(live.mentor_action_plans.length).toBeGreaterThan(0);
    await runner.rebuildTogether(projections, undefined, 2_000);
    expect(await rows()).toEqual(live);
  });

  describe('referrals awaiting triage', () => {
    it("lists the school's untriaged referrals, oldest first, showing whether the profile is in", async () => {
      const waiting = await referralsAwaitingTriage(manager, { schoolId: SCHOOL });
      expect(waiting.map((r) => [r.referralId, r.givenName, r.profileComplete])).toEqual([
        ['r-kai', 'Kai', true],
        ['r-lily', 'Lily', false],
      ]);
      expect(waiting[0]).toMatchObject({
        source: 'behaviour-tracking',
        reasons: ['at-risk-of-exclusion', 'disengagement-from-education'],
        attendanceAtReferral: 88,
        behaviourAtReferral: 14,
        referredOn: '2026-01-28',
      });
      expect(await referralsAwaitingTriage(manager, { schoolId: 'school-ridgeway' })).toEqual([]);
    });

    it("001: Kai's mother refused consent, so placing him on the register is refused and the error names her refusal", async () => {
      const answers = await oakfield.mentoringConsent('child-kai', '2026-02-03');
      expect(answers.map((a) => (a.covered ? 'covered' : a.reason))).toEqual(['refused', 'refused', 'refused']);
      const outcome = await oakfield.attempt('r-kai', acceptance('r-kai', '2026-02-03', MENTORS.nicky, answers));
      expect(outcome).toBeInstanceOf(ConsentMissing);
      expect(outcome).toMatchObject({
        rule: 'referral.parental-consent-required',
        kind: 'conflict',
        reason: 'refused',
        consentId: 'refusal-kai',
      });
      expect((outcome as ConsentMissing).missing).toEqual(consentNeededForMentoring(SCHOOL)[0]);
    });

    it('a referral declined at triage leaves the list with its reason recorded', async () => {
      await oakfield.child('child-mo', 'Mo', 'Ali', '2016-01-01', 4);
      await oakfield.referral('r-mo', 'child-mo', {
        type: 'MakeReferral',
        referralId: 'r-mo',
        childId: 'child-mo',
        schoolId: SCHOOL,
        referredOn: '2026-02-01',
        source: 'teaching-assistant',
        referrer: { role: 'teaching-assistant', userId: 'u-ta-4' },
        reasons: ['low-confidence-and-self-esteem'],
      });
      await catchUp();
      expect((await referralsAwaitingTriage(manager, { schoolId: SCHOOL })).map((r) => r.referralId)).toEqual([
        'r-kai',
        'r-mo',
        'r-lily',
      ]);
      await oakfield.referral('r-mo', 'child-mo', {
        type: 'TriageReferral',
        referralId: 'r-mo',
        triagedOn: '2026-02-03',
        priority: 'low',
        levelOfNeed: 1,
        baeCategory: 'A',
        outcome: 'declined',
        reason: 'Universal support in class is enough for now',
      });
      await catchUp();
      expect((await referralsAwaitingTriage(manager, { schoolId: SCHOOL })).map((r) => r.referralId)).toEqual([
        'r-kai',
        'r-lily',
      ]);
      expect(await mentorCaseRecord(manager, 'r-mo')).toMatchObject({
        stage: 'declined',
        levelOfNeed: 1,
        triageReason: 'Universal support in class is enough for now',
        mentorId: null,
        revision: '1',
      });
      expect(await mentorCasesOfChild(manager, 'child-mo')).toEqual([
        { referralId: 'r-mo', schoolId: SCHOOL, mentorId: null, stage: 'declined', referredOn: '2026-02-01' },
      ]);
      expect(await mentorCaseRecord(manager, 'r-nobody')).toBeNull();
    });
  });

  describe('the Learning Mentor Pupil Register', () => {
    it('001: holds every child placed on it and not yet exited, high priority first', async () => {
      const register = await learningMentorPupilRegister(manager, { schoolId: SCHOOL });
      const ids = register.map((e) => e.referralId);
      expect(register[0]).toMatchObject({
        referralId: 'r-jay',
        givenName: 'Jay',
        familyName: 'Okoro',
        yearGroup: 8,
        priority: 'high',
        mentorId: MENTORS.nicky,
      });
      expect(ids).toContain('r-zara');
      for (const gone of ['r-amira', 'r-tom', 'r-kai', 'r-lily']) expect(ids).not.toContain(gone);
      expect(register).toHaveLength(1 + 1 + 16 + 2 + 15);
    });

    it('shows where each case stands in R.A.F.I.E., with sessions attended and missed', async () => {
      const [jay] = await learningMentorPupilRegister(manager, { schoolId: SCHOOL, mentorId: MENTORS.nicky });
      expect(jay).toMatchObject({
        phase: 'intervention',
        interventionLength: 'short',
        nextReviewOn: '2026-03-13',
        sessionsAttended: 3,
        sessionsMissed: 1,
        workMode: 'one-to-one',
        levelOfNeed: 2,
        baeCategory: 'B',
        placedOn: '2026-01-10',
      });
      const [zara] = await learningMentorPupilRegister(manager, { schoolId: SCHOOL, mentorId: MENTORS.helen });
      expect(zara).toMatchObject({ phase: 'ending', baeCategory: 'C' });
      const busy = await learningMentorPupilRegister(manager, { schoolId: SCHOOL, mentorId: MENTORS.busy });
      expect(busy.find((e) => e.referralId === 'r-busy-2')).toMatchObject({ phase: 'agreement' });
    });
  });

  describe('caseload per mentor (003 §4e)', () => {
    it('counts one-to-one cases as caseload, group work apart, and flags a caseload above 15', async () => {
      const caseloads = await mentorCaseloads(manager, { schoolId: SCHOOL });
      const of = (mentorId: string) => caseloads.find((c) => c.mentorId === mentorId);
      expect(of(MENTORS.busy)).toMatchObject({ oneToOneCount: 16, groupCount: 2, overloaded: true });
      expect(of(MENTORS.full)).toMatchObject({ oneToOneCount: 15, groupCount: 0, overloaded: false });
      // Amira and Tom are closed: they no longer count.
      expect(of(MENTORS.nicky)).toMatchObject({
        oneToOneCount: 1,
        overloaded: false,
        byPriority: { high: 1, medium: 0, low: 0 },
      });
      expect(of(MENTORS.helen)).toMatchObject({ oneToOneCount: 1 });
      expect(caseloads[0].mentorId).toBe(MENTORS.busy);
    });

    it("lists one mentor's cases with sessions by kind: drop-in and group sessions are counted apart", async () => {
      const caseload = await mentorCaseload(manager, { mentorId: MENTORS.nicky });
      expect(caseload.cases).toHaveLength(1);
      expect(caseload.cases[0]).toMatchObject({
        referralId: 'r-jay',
        oneToOneSessions: 2,
        groupSessions: 1,
        dropInSessions: 1,
        lastSessionOn: '2026-02-12',
      });
      const busy = await mentorCaseload(manager, { mentorId: MENTORS.busy });
      expect(busy).toMatchObject({ oneToOneCount: 16, groupCount: 2, overloaded: true });
      expect(busy.cases.slice(-2).map((c) => c.workMode)).toEqual(['group', 'group']);
    });
  });

  describe('action plans with targets', () => {
    it("003 §1a: shows each open case's plan with strategies, services, review date and SMART targets with their latest progress", async () => {
      const plans = await actionPlans(manager, { schoolId: SCHOOL });
      expect(plans.map((p) => p.referralId).sort()).toEqual(['r-busy-1', 'r-jay', 'r-zara']);
      const jay = plans.find((p) => p.referralId === 'r-jay')!;
      expect(jay).toMatchObject({
        planId: 'p-jay',
        givenName: 'Jay',
        interventionLength: 'short',
        plannedEndOn: '2026-03-02',
        reviewOn: '2026-03-02',
        services: ['Young carers service'],
        strategies: ['Breakfast club place', 'Homework club'],
      });
      expect(jay.targets).toEqual([
        {
          targetId: 't-jay-1',
          goalId: 'g-jay',
          goal: 'Jay arrives on time and keeps up with work',
          description: 'Arrive before 8:50',
          measure: 'Late marks fewer than 2 a week',
          owner: 'Jay with young carers service',
          dueOn: '2026-02-27',
          latestProgress: 'some-progress',
          progressNote: 'Late twice a week now',
          progressReviewedOn: '2026-03-02',
        },
        expect.objectContaining({ targetId: 't-jay-2', latestProgress: 'achieved', progressNote: null }),
      ]);
    });

    it("a closed case's plan is still there when asked for by case", async () => {
      const [amira] = await actionPlans(manager, { referralId: 'r-amira' });
      expect(amira).toMatchObject({ planId: 'p-1', interventionLength: 'medium', reviewOn: '2026-03-13' });
      expect(amira.targets.map((t) => t.targetId)).toEqual(['t-1', 't-2']);
    });
  });

  describe('reviews due this week and overdue (003 Box 28), against the day asked about', () => {
    it("on Wednesday 11 March: Jay's review on Friday is due this week, Ben's from last Friday is overdue", async () => {
      const due = await reviewsDue(manager, { schoolId: SCHOOL, asOf: '2026-03-11' });
      expect(due.weekEndsOn).toBe('2026-03-15');
      expect(due.dueThisWeek.map((r) => [r.referralId, r.nextReviewOn])).toEqual([['r-jay', '2026-03-13']]);
      expect(due.overdue.map((r) => [r.referralId, r.nextReviewOn, r.givenName])).toEqual([
        ['r-busy-1', '2026-03-06', 'Pupil'],
      ]);
    });

    it('the same rows read differently on another day: nothing is stored as "now"', async () => {
      const monday = await reviewsDue(manager, { schoolId: SCHOOL, asOf: '2026-03-02' });
      expect(monday.dueThisWeek.map((r) => r.referralId)).toEqual(['r-busy-1']);
      expect(monday.overdue).toEqual([]);
      const later = await reviewsDue(manager, { schoolId: SCHOOL, asOf: '2026-03-16', mentorId: MENTORS.nicky });
      expect(later.overdue.map((r) => r.referralId)).toEqual(['r-jay']);
    });

    it('a case beginning its ending has no further review due', async () => {
      const due = await reviewsDue(manager, { schoolId: SCHOOL, asOf: '2026-12-31' });
      expect([...due.dueThisWeek, ...due.overdue].map((r) => r.referralId)).not.toContain('r-zara');
    });
  });

  describe('endings and follow-ups due (003 §1a endings)', () => {
    it("shows Zara's ending being faded out, with the sessions left before it", async () => {
      const { endings, followUpsDue } = await endingsAndFollowUpsDue(manager, { schoolId: SCHOOL, asOf: '2026-03-11' });
      expect(endings).toEqual([
        expect.objectContaining({
          referralId: 'r-zara',
          givenName: 'Zara',
          plannedOn: '2026-02-25',
          endOn: '2026-03-18',
          sessionsLeft: 3,
          endingSoon: true,
        }),
      ]);
      expect(followUpsDue).toEqual([]);
      const early = await endingsAndFollowUpsDue(manager, { schoolId: SCHOOL, asOf: '2026-03-01' });
      expect(early.endings[0].endingSoon).toBe(false);
    });

    it("shows Amira's follow-up as it falls due, then overdue, and not once it is recorded; Tom's unplanned exit set none", async () => {
      expect((await endingsAndFollowUpsDue(manager, { schoolId: SCHOOL, asOf: '2026-05-01' })).followUpsDue).toEqual(
        [],
      );
      const due = await endingsAndFollowUpsDue(manager, { schoolId: SCHOOL, asOf: '2026-06-08' });
      expect(due.followUpsDue).toEqual([
        expect.objectContaining({
          referralId: 'r-amira',
          closedOn: '2026-04-17',
          followUpDueOn: '2026-06-12',
          overdue: false,
        }),
      ]);
      const late = await endingsAndFollowUpsDue(manager, { schoolId: SCHOOL, asOf: '2026-06-15' });
      expect(late.followUpsDue).toEqual([expect.objectContaining({ referralId: 'r-amira', overdue: true })]);

      await oakfield.referral('r-amira', 'child-amira', {
        type: 'RecordFollowUp',
        referralId: 'r-amira',
        followUpId: 'f-amira',
        heldOn: '2026-06-16',
        outcome: 'progress-sustained',
        measures: { attendancePercent: 95, behaviourIncidents: 0 },
      });
      await catchUp();
      expect((await endingsAndFollowUpsDue(manager, { schoolId: SCHOOL, asOf: '2026-06-17' })).followUpsDue).toEqual(
        [],
      );
      expect((await caseOutcomes(manager, { referralId: 'r-amira' }))[0].followUpOutcome).toBe('progress-sustained');
    });
  });

  describe('outcomes: attendance and behaviour at referral against exit (002)', () => {
    it('per case', async () => {
      const outcomes = await caseOutcomes(manager, { schoolId: SCHOOL });
      expect(outcomes.map((o) => o.referralId)).toEqual(['r-tom', 'r-amira']);
      expect(outcomes.find((o) => o.referralId === 'r-amira')).toMatchObject({
        givenName: 'Amira',
        closeReason: 'planned-ending',
        attendanceAtReferral: 84.5,
        attendanceAtExit: 93,
        attendanceChange: 8.5,
        behaviourIncidentsAtReferral: 6,
        behaviourIncidentsAtExit: 1,
        behaviourIncidentsChange: -5,
        sessionsAttended: 5, // one before the ending, the four it announced
      });
      expect(outcomes.find((o) => o.referralId === 'r-tom')).toMatchObject({
        closeReason: 'moved-school',
        attendanceChange: -2,
        behaviourIncidentsChange: 1,
      });
    });

    it('per school', async () => {
      expect(await schoolOutcomes(manager, { schoolId: SCHOOL })).toEqual({
        schoolId: SCHOOL,
        casesClosed: 2,
        casesMeasured: 2,
        averageAttendanceAtReferral: 87.3,
        averageAttendanceAtExit: 90.5,
        casesWithAttendanceImproved: 1,
        averageBehaviourIncidentsAtReferral: 4.5,
        averageBehaviourIncidentsAtExit: 2.5,
        casesWithFewerIncidents: 1,
      });
      expect(await schoolOutcomes(manager, { schoolId: SCHOOL, closedFrom: '2026-03-01' })).toMatchObject({
        casesClosed: 1,
        averageAttendanceAtExit: 93,
      });
    });
  });

  describe('rebuild and erasure', () => {
    it('a rebuild from position 0 gives the same read models', async () => {
      const snapshot = async () => ({
        cases: await manager.query(`SELECT * FROM read_models.mentor_cases ORDER BY referral_id`),
        targets: await manager.query(`SELECT * FROM read_models.mentor_case_targets ORDER BY referral_id, target_id`),
        plans: await manager.query(`SELECT * FROM read_models.mentor_action_plans ORDER BY referral_id, plan_id`),
      });
      const before = await snapshot();
      await runner.rebuild(mentorCasesProjection);
      await runner.rebuild(mentorActionPlansProjection);
      const after = await snapshot();
      expect(after.cases).toEqual(before.cases);
      expect(after.targets).toEqual(before.targets);
      expect(after.plans).toEqual(before.plans);
    });

    it('ChildRecordErased: every school read model drops what described Jay, without a rebuild, and keeps the shape', async () => {
      const erasedBy = { userId: 'dpo', role: 'dpo', agencyId: 'local-authority' };
      await appendDecided(
        store,
        retentionStream('child-jay'),
        [
          {
            type: 'ChildRecordErased',
            data: { childId: 'child-jay', cause: 'erasure-request', erasedBy, erasedAt: '2026-04-01T10:00:00.000Z' },
          },
        ],
        { actor: erasedBy, childId: 'child-jay' },
      );
      await catchUp();
      const [record] = await manager.query(
        `SELECT given_name, family_name, date_of_birth, upn, erased FROM read_models.child_records WHERE child_id = 'child-jay'`,
      );
      expect(record).toEqual({ given_name: null, family_name: null, date_of_birth: null, upn: null, erased: true });
      const cases = await manager.query(
        `SELECT reasons, triage_reason, attendance_at_referral, close_reason, stage FROM read_models.mentor_cases WHERE child_id = 'child-jay'`,
      );
      expect(cases.length).toBeGreaterThan(0);
      for (const row of cases)
        expect(row).toMatchObject({
          reasons: null,
          triage_reason: null,
          attendance_at_referral: null,
          close_reason: null,
          stage: expect.any(String),
        });
      const targets = await manager.query(
        `SELECT description, measure, owner, latest_progress, progress_note FROM read_models.mentor_case_targets WHERE child_id = 'child-jay'`,
      );
      for (const row of targets) expect(Object.values(row).every((v) => v === null)).toBe(true);
      const plans = await manager.query(
        `SELECT strategies, services FROM read_models.mentor_action_plans WHERE child_id = 'child-jay'`,
      );
      for (const row of plans) expect(row.strategies).toBeNull();
      const consents = await manager.query(
        `SELECT giver_relationship, document_ref, purposes FROM read_models.consent_scopes WHERE child_id = 'child-jay'`,
      );
      expect(consents.length).toBeGreaterThan(0);
      for (const row of consents)
        expect(row).toMatchObject({ giver_relationship: null, document_ref: null, purposes: expect.any(Array) });
      const [kai] = await manager.query(
        `SELECT given_name FROM read_models.child_records WHERE child_id = 'child-kai'`,
      );
      expect(kai.given_name).not.toBeNull();
    });

    it("once Amira's key is erased, a rebuild keeps her case's shape and loses what described her", async () => {
      await keys.erase('child-amira');
      await runner.rebuild(mentorCasesProjection);
      await runner.rebuild(mentorActionPlansProjection);
      const [row] = await manager.query(`SELECT * FROM read_models.mentor_cases WHERE referral_id = 'r-amira'`);
      expect(row).toMatchObject({
        stage: 'closed',
        mentor_id: MENTORS.nicky,
        reasons: null,
        attendance_at_referral: null,
        attendance_at_exit: null,
        profile_complete: true,
      });
      const [amira] = await actionPlans(manager, { referralId: 'r-amira' });
      expect(amira.targets).toEqual([]);
      expect(amira.services).toEqual(['Breakfast club', 'Young carers service']);
      expect(amira.strategies).toBeNull();
      expect((await schoolOutcomes(manager, { schoolId: SCHOOL })).casesMeasured).toBe(1);
    });
  });

  describe('the revision a case is read at', () => {
    it("is its stream's last, whichever step came last, targets too: the revision a form or If-Match sends back", async () => {
      const id = 'r-revision';
      await oakfield.placed(id, 'child-revision', MENTORS.nicky);
      const { agree, assess, targets } = steps;
      await oakfield.referral(id, 'child-revision', { ...agree, referralId: id });
      await oakfield.referral(id, 'child-revision', {
        ...assess,
        referralId: id,
        consent: await oakfield.mentoringConsent('child-revision', assess.assessedOn),
      } as ReferralCommand);
      await oakfield.referral(id, 'child-revision', { ...targets, referralId: id });
      await catchUp();
      const last = (await store.readStream(referralStream(id))).at(-1)!;
      expect(last.type).toBe('TargetsSet');
      expect((await mentorCaseRecord(manager, id))?.revision).toBe(last.revision.toString());
    });
  });
});
