import { randomBytes } from 'node:crypto';
import { cafDecider } from '@app/domain';
import { cafStream } from '@app/domain';
import type { CafCommand } from '@app/domain';
import { eventCatalogue } from '@app/domain';
import type { Actor } from '@app/domain';
import { ChildDataKeys } from '@app/event-store';
import { ProtectedEventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { ProjectionRunner } from '../runtime/projection-runner';
import type { Checkpoint, RecordedEvent } from '@app/event-store';
import { appendDecided, catchUpTo, decideAndAppend } from '../testing/decide-and-append';
import { retentionStream } from '@app/domain';
import { cafCasesProjection } from './caf-cases.projection';
import { cafFamilyCopiesProjection } from './caf-family-copies.projection';
import { cafContributions, cafsLedBy, familyCopy, leadProfessionalView } from './queries';

const mentor: Actor = { userId: 'u-lm', role: 'learning-mentor', agencyId: 'school-oakfield' };
const nurse: Actor = { userId: 'u-nurse', role: 'practitioner', agencyId: 'health' };
const ewo: Actor = { userId: 'u-ewo', role: 'practitioner', agencyId: 'education-welfare' };
const socialWorker = { userId: 'u-sw', role: 'social-worker', agencyId: 'social-care', name: 'Dee Adams' };
const p = (a: Actor, name?: string) => ({
  userId: a.userId,
  role: a.role,
  agencyId: a.agencyId,
  ...(name ? { name } : {}),
});

describe("CAF read models: lead professional's view and the family-held copy (real PostgreSQL)", () => {
  let db: TestDatabase;
  let keys: ChildDataKeys;
  let store: ProtectedEventStore;
  let runner: ProjectionRunner;
  const projections = [cafCasesProjection, cafFamilyCopiesProjection];
  const childId = 'c-caf-1';

  const caf = (command: CafCommand, actor: Actor = mentor) =>
    appended(decideAndAppend(store, cafDecider, cafStream('k1'), command, { actor, childId }));
  let last: Checkpoint | null = null;
  const appended = async (events: Promise<readonly RecordedEvent[]>) => {
    const written = await events;
    last = written[written.length - 1]?.checkpoint ?? last;
    return written;
  };
  const catchUp = () => catchUpTo(runner, last);
  const contribute = (
    contributionId: string,
    by: Actor,
    domain: 'development-of-the-child' | 'parents-and-carers' | 'family-and-environment',
    element: string,
    text: string,
    extra: object = {},
  ) =>
    caf(
      {
        type: 'ContributeToCaf',
        contributionId,
        domain,
        element,
        text,
        by,
        recordedOn: '2026-02-04',
        consent: { covered: true, consentId: 'consent-caf' },
        ...extra,
      },
      by,
    );

  beforeAll(async () => {
    db = await createTestDatabase('caf_read_models');
    keys = new ChildDataKeys(db.pool, randomBytes(32));
    store = new ProtectedEventStore(
      new PostgresEventStore({ pool: db.pool, pollIntervalMs: 100 }),
      keys,
      eventCatalogue,
    );
    runner = new ProjectionRunner(db.dataSource, store, projections, 20);

    await caf({
      type: 'StartCaf',
      cafId: 'k1',
      childId,
      by: mentor,
      startedOn: '2026-02-02',
      reasonForAssessment: 'Attendance falling, worries at home',
      consent: { covered: true, consentId: 'consent-caf' },
    });
    await contribute(
      'x-school',
      mentor,
      'development-of-the-child',
      'learning',
      'Attendance 82% this term; engaged in mentoring',
    );
    await contribute('x-health', nurse, 'development-of-the-child', 'health', 'Two missed hearing appointments');
    await contribute(
      'x-health-2',
      nurse,
      'parents-and-carers',
      'safety-and-protection',
      'Neighbour reports shouting at night',
      { secondHand: true, withheldFromFamily: { reason: 'Telling would put the child at risk' } },
    );
    await contribute(
      'x-ewo',
      ewo,
      'family-and-environment',
      'housing-employment-and-finance',
      'Family in temporary housing since May',
    );
    await caf(
      {
        type: 'CorrectCafContribution',
        contributionId: 'x-ewo-2',
        supersedes: 'x-ewo',
        text: 'Family in temporary housing since March',
        correctionReason: 'Wrong month',
        by: ewo,
        recordedOn: '2026-02-05',
      },
      ewo,
    );
    await caf({
      type: 'RecordCafViews',
      viewsId: 'v-child',
      whose: 'child',
      views: 'I like the mentor sessions',
      by: mentor,
      recordedOn: '2026-02-05',
    });
    await caf({
      type: 'RecordCafViews',
      viewsId: 'v-family',
      whose: 'family',
      views: 'Mornings are hard',
      by: { userId: 'u-parent', role: 'parent-carer', agencyId: 'family' },
      recordedOn: '2026-02-05',
    });
    await caf({
      type: 'CompleteCaf',
      completedOn: '2026-02-06',
      summary: 'Attendance, health and housing needs',
      by: mentor,
    });
    await caf({
      type: 'HoldTeamAroundTheChildMeeting',
      meetingId: 'm1',
      heldOn: '2026-02-10',
      attendees: [p(mentor, 'Lee Mentor'), p(nurse), p(ewo)],
      familyPresent: true,
      notes: 'Plan agreed with the family',
      nextReviewOn: '2026-03-24',
    });
    await caf({
      type: 'AppointLeadProfessional',
      leadProfessional: p(mentor, 'Lee Mentor'),
      appointedOn: '2026-02-10',
      agreedWithFamily: true,
      by: mentor,
    });
    const action = (actionId: string, text: string, ownerAgencyId: string, dueBy: string, ownerUserId?: string) =>
      caf({
        type: 'AgreePlanAction',
        actionId,
        action: text,
        ownerAgencyId,
        ...(ownerUserId ? { ownerUserId } : {}),
        dueBy,
        agreedOn: '2026-02-10',
        by: mentor,
      });
    await action('a-health', 'Rebook hearing test', 'health', '2026-02-27', 'u-nurse');
    await action('a-ewo', 'Attendance contract meeting', 'education-welfare', '2026-02-20', 'u-ewo');
    await action('a-school', 'Weekly mentoring', 'school-oakfield', '2026-03-20', 'u-lm');
    await action('a-housing', 'Housing officer referral', 'education-welfare', '2026-03-06');
    await caf(
      {
        type: 'UpdatePlanAction',
        actionId: 'a-ewo',
        status: 'done',
        note: 'Contract signed',
        updatedOn: '2026-02-18',
        by: ewo,
      },
      ewo,
    );
    await caf({
      type: 'UpdatePlanAction',
      actionId: 'a-school',
      status: 'in-progress',
      updatedOn: '2026-02-18',
      by: mentor,
    });
    await catchUp();
  });

  afterAll(async () => {
    await runner?.stop();
    await store?.close();
    await db?.drop();
  });

  it('gives the lead professional the team, actions across agencies, overdue actions and the next review', async () => {
    const view = await leadProfessionalView(db.dataSource.manager, 'k1', '2026-03-02');
    expect(view?.caf).toMatchObject({
      status: 'completed',
      leadProfessionalUserId: 'u-lm',
      nextReviewOn: '2026-03-24',
    });
    expect(view?.team.map((m) => [m.userId, m.agencyId, m.parts])).toEqual([
      ['u-lm', 'school-oakfield', ['action-owner', 'contributor', 'lead-professional', 'started', 'tac-attendee']],
      ['u-ewo', 'education-welfare', ['action-owner', 'contributor', 'tac-attendee']],
      ['u-nurse', 'health', ['action-owner', 'contributor', 'tac-attendee']],
    ]);
    expect(view?.team[0].name).toBe('Lee Mentor');
    expect(view?.actions.map((a) => [a.actionId, a.ownerAgencyId, a.status, a.overdue])).toEqual([
      ['a-ewo', 'education-welfare', 'done', false],
      ['a-health', 'health', 'agreed', true],
      ['a-housing', 'education-welfare', 'agreed', false],
      ['a-school', 'school-oakfield', 'in-progress', false],
    ]);
    expect(view?.overdueActions.map((a) => a.actionId)).toEqual(['a-health']);
    expect(view?.byAgency).toEqual([
      { agencyId: 'education-welfare', open: 1, overdue: 0, finished: 1 },
      { agencyId: 'health', open: 1, overdue: 1, finished: 0 },
      { agencyId: 'school-oakfield', open: 1, overdue: 0, finished: 0 },
    ]);
    expect(view?.reviewOverdue).toBe(false);
    expect((await leadProfessionalView(db.dataSource.manager, 'k1', '2026-03-25'))?.reviewOverdue).toBe(true);
    expect(await cafsLedBy(db.dataSource.manager, 'u-lm', '2026-03-02')).toEqual([
      { cafId: 'k1', childId, status: 'completed', nextReviewOn: '2026-03-24', overdueActions: 1 },
    ]);
  });

  it('keeps every contribution attributed; a correction supersedes, never edits', async () => {
    const current = await cafContributions(db.dataSource.manager, 'k1');
    expect(current.map((c) => [c.contributionId, c.contributorAgencyId, c.withheldFromFamily])).toEqual([
      ['x-health', 'health', false],
      ['x-health-2', 'health', true],
      ['x-school', 'school-oakfield', false],
      ['x-ewo-2', 'education-welfare', false],
    ]);
    const all = await cafContributions(db.dataSource.manager, 'k1', { includeSuperseded: true });
    expect(all.find((c) => c.contributionId === 'x-ewo')).toMatchObject({
      text: 'Family in temporary housing since May',
      supersededBy: 'x-ewo-2',
    });
    expect(all.find((c) => c.contributionId === 'x-ewo-2')).toMatchObject({
      supersedes: 'x-ewo',
      correctionReason: 'Wrong month',
    });
  });

  it('the family-held copy holds only what the family may see', async () => {
    const copy = await familyCopy(db.dataSource.manager, 'k1');
    expect(copy?.assessment.map((e) => [e.contributionId, e.by.agencyId, e.text, e.correction])).toEqual([
      ['x-school', 'school-oakfield', 'Attendance 82% this term; engaged in mentoring', false],
      ['x-health', 'health', 'Two missed hearing appointments', false],
      ['x-ewo-2', 'education-welfare', 'Family in temporary housing since March', true],
    ]);
    const text = JSON.stringify(copy);
    expect(text).not.toContain('Neighbour reports');
    expect(text).not.toContain('Telling would put the child at risk');
    expect(text).not.toContain('since May');
    expect(text).not.toContain('Contract signed');
    expect(text).not.toMatch(/u-lm|u-nurse|u-ewo/);
    expect(copy?.views.map((v) => v.whose)).toEqual(['child', 'family']);
    expect(copy?.leadProfessional).toEqual({
      role: 'learning-mentor',
      agencyId: 'school-oakfield',
      name: 'Lee Mentor',
      since: '2026-02-10',
    });
    expect(copy?.plan.map((a) => [a.actionId, a.status])).toEqual([
      ['a-health', 'agreed'],
      ['a-ewo', 'done'],
      ['a-school', 'in-progress'],
      ['a-housing', 'agreed'],
    ]);
    expect(copy?.nextReviewOn).toBe('2026-03-24');
  });

  it('hands the lead over to a social worker, one lead professional at a time', async () => {
    await caf({
      type: 'HandOverLeadProfessional',
      to: socialWorker,
      handedOverOn: '2026-03-02',
      reason: 'Stepped up to a child in need plan',
    });
    await caf({
      type: 'ReviewCaf',
      reviewId: 'rv1',
      reviewedOn: '2026-03-24',
      summary: 'Hearing test booked; attendance 88%',
      nextReviewOn: '2026-05-05',
      by: mentor,
    });
    await catchUp();
    const view = await leadProfessionalView(db.dataSource.manager, 'k1', '2026-03-25');
    expect(view?.caf).toMatchObject({
      leadProfessionalUserId: 'u-sw',
      leadSince: '2026-03-02',
      lastReviewedOn: '2026-03-24',
      nextReviewOn: '2026-05-05',
    });
    expect(view?.reviewOverdue).toBe(false);
    const parts = Object.fromEntries(view!.team.map((m) => [m.userId, m.parts]));
    expect(parts['u-lm']).toContain('former-lead-professional');
    expect(parts['u-lm']).not.toContain('lead-professional');
    expect(parts['u-sw']).toEqual(['lead-professional']);
    expect(await cafsLedBy(db.dataSource.manager, 'u-lm', '2026-03-25')).toEqual([]);
    expect((await cafsLedBy(db.dataSource.manager, 'u-sw', '2026-03-25')).map((c) => c.cafId)).toEqual(['k1']);
    const copy = await familyCopy(db.dataSource.manager, 'k1');
    expect(copy?.leadProfessional).toEqual({
      role: 'social-worker',
      agencyId: 'social-care',
      name: 'Dee Adams',
      since: '2026-03-02',
    });
    expect(JSON.stringify(copy)).not.toContain('child in need plan');
  });

  it('stores what practitioners wrote sealed, and rebuilds to the same rows', async () => {
    const { rows } = await db.pool.query<{ text: string }>(
      `SELECT data::text AS text FROM event_store.events WHERE stream_id = 'caf-k1'`,
    );
    expect(rows.map((r) => r.text).join('\n')).not.toMatch(/hearing|Neighbour|temporary housing|Mornings are hard/);
    const snapshot = async () => ({
      cases: await db.dataSource.query(`SELECT * FROM read_models.caf_cases ORDER BY caf_id`),
      team: await db.dataSource.query(`SELECT * FROM read_models.caf_team_members ORDER BY caf_id, user_id`),
      actions: await db.dataSource.query(`SELECT * FROM read_models.caf_actions ORDER BY caf_id, action_id`),
      contributions: await db.dataSource.query(
        `SELECT * FROM read_models.caf_contributions ORDER BY caf_id, contribution_id`,
      ),
      copies: await db.dataSource.query(`SELECT caf_id, document FROM read_models.caf_family_copies ORDER BY caf_id`),
    });
    const before = await snapshot();
    for (const projection of projections) await runner.rebuild(projection);
    await catchUp();
    expect(await snapshot()).toEqual(before);
  });

  it('ChildRecordErased: both CAF read models drop every word about the child and keep who, when and status', async () => {
    const erasedBy = { userId: 'dpo', role: 'dpo', agencyId: 'local-authority' };
    await appended(
      appendDecided(
        store,
        retentionStream(childId),
        [
          {
            type: 'ChildRecordErased',
            data: { childId, cause: 'erasure-request', erasedBy, erasedAt: '2026-03-30T10:00:00.000Z' },
          },
        ],
        { actor: erasedBy, childId },
      ),
    );
    await catchUp();
    const tables = ['caf_cases', 'caf_team_members', 'caf_actions', 'caf_contributions', 'caf_family_copies'];
    const text = (
      await Promise.all(tables.map((t) => db.dataSource.query(`SELECT t::text AS row FROM read_models.${t} t`)))
    )
      .flat()
      .map((r: { row: string }) => r.row)
      .join('\n');
    expect(text).not.toMatch(
      /hearing|Neighbour|temporary housing|Mornings are hard|Attendance falling|mentor sessions|housing needs/,
    );
    const copy = await familyCopy(db.dataSource.manager, 'k1');
    expect(copy?.assessment.map((e) => [e.by.agencyId, e.text])).toEqual([
      ['school-oakfield', null],
      ['health', null],
      ['education-welfare', null],
    ]);
    expect((await cafContributions(db.dataSource.manager, 'k1')).length).toBeGreaterThan(0);
  });

  it("after the child's record is erased, a rebuild shows the personal text as erased", async () => {
    await keys.erase(childId);
    for (const projection of projections) await runner.rebuild(projection);
    await catchUp();
    const copy = await familyCopy(db.dataSource.manager, 'k1');
    expect(copy?.assessment.every((e) => e.text === null)).toBe(true);
    expect(copy?.assessment.map((e) => e.by.agencyId)).toEqual(['school-oakfield', 'health', 'education-welfare']);
    const view = await leadProfessionalView(db.dataSource.manager, 'k1', '2026-03-25');
    expect(view?.actions.every((a) => a.action === null)).toBe(true);
    expect(view?.caf.reasonForAssessment).toBeNull();
  });
});
