import { mastPanelDecider } from '@app/domain';
import { decideAtPanel } from '@app/domain';
import { mastPanelStream, type QuorumPolicy } from '@app/domain';
import type { MastPanelCommand } from '@app/domain';
import { mastRequestDecider } from '@app/domain';
import { type MastDecision, mastRequestStream } from '@app/domain';
import type { MastRequestCommand } from '@app/domain';
import { fixtureCalendar } from '@app/domain';
import { type Actor, type Decider, type DomainEvent, isDomainError, replay } from '@app/domain';
import { PostgresEventStore } from '@app/event-store';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { ProjectionRunner } from '../runtime/projection-runner';
import type { Checkpoint, RecordedEvent } from '@app/event-store';
import { appendDecided, catchUpTo, decideAndAppend } from '../testing/decide-and-append';
import { retentionStream } from '@app/domain';
import { mastDeadlinesProjection } from './mast-deadlines.projection';
import { mastPanelsProjection } from './mast-panels.projection';
import { mastRequestsProjection } from './mast-requests.projection';
import {
  keyWorkerCaseload,
  keyWorkerCaseloads,
  mastDeadlines,
  panelAgenda,
  panelDecisionLog,
  requestDecisions,
  requestsAwaitingPanel,
} from './queries';

const calendar = fixtureCalendar();
const requests = mastRequestDecider(calendar);
const senco: Actor = { userId: 'u-senco', role: 'senco', agencyId: 'school-oakfield' };
const coordinator: Actor = { userId: 'u-coord', role: 'mast-coordinator', agencyId: 'mast' };
const kw1: Actor = { userId: 'u-kw1', role: 'key-worker', agencyId: 'mast' };
const kw2: Actor = { userId: 'u-kw2', role: 'learning-mentor', agencyId: 'mast' };
const members = {
  m1: { userId: 'u-m1', role: 'panel-member', agencyId: 'mast', name: 'Ann Mast' },
  m2: { userId: 'u-m2', role: 'panel-member', agencyId: 'mast' },
  h1: { userId: 'u-h1', role: 'panel-member', agencyId: 'health' },
  e1: { userId: 'u-e1', role: 'panel-member', agencyId: 'education-welfare' },
};
const quorum: QuorumPolicy = { minMembers: 2, minAgencies: 2 };
const THURSDAY = 4;

describe('MAST read models: agenda, decision log, caseloads and deadlines (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let runner: ProjectionRunner;
  const projections = [mastRequestsProjection, mastDeadlinesProjection, mastPanelsProjection];
  const childOf: Record<string, string> = { r1: 'c1', r2: 'c2' };

  const request = (requestId: string, command: MastRequestCommand, actor: Actor = coordinator) =>
    appended(
      decideAndAppend(store, requests, mastRequestStream(requestId), command, { actor, childId: childOf[requestId] }),
    );
  const panel = (panelDate: string, command: MastPanelCommand, childId?: string) =>
    appended(
      decideAndAppend(store, mastPanelDecider, mastPanelStream(panelDate), command, { actor: coordinator, childId }),
    );
  let last: Checkpoint | null = null;
  const appended = async (events: Promise<readonly RecordedEvent[]>) => {
    const written = await events;
    last = written[written.length - 1]?.checkpoint ?? last;
    return written;
  };
  const catchUp = () => catchUpTo(runner, last);
  const make = (requestId: string, receivedAt: string) =>
    request(
      requestId,
      {
        type: 'MakeMastRequest',
        requestId,
        childId: childOf[requestId],
        by: senco,
        parentsInvolved: [{ name: 'Sara Khan', relationship: 'mother' }],
        needs: 'Low attendance, difficult mornings',
        alreadyTried: 'Attendance meetings, school mentor',
        levelOfNeed: 3,
        consent: { covered: true, consentId: `consent-${requestId}` },
        receivedAt,
      },
      senco,
    );
  const stateOf = async <C, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string): Promise<S> =>
    replay(
      decider,
      (await store.readStream(streamId)).map((e) => ({ type: e.type, data: e.data }) as unknown as E),
    );
  /** What the API's decision handler will do: decide on both streams, then append both. */
  const decide = async (panelDate: string, requestId: string, decision: MastDecision, reason: string) => {
    const outcome = decideAtPanel(
      calendar,
      await stateOf(mastPanelDecider, mastPanelStream(panelDate)),
      await stateOf(requests, mastRequestStream(requestId)),
      { type: 'RecordPanelDecision', today: '2026-12-01', requestId, decision, reason, quorum },
    );
    if (isDomainError(outcome)) throw new Error(outcome.rule);
    const context = { actor: coordinator, childId: childOf[requestId] };
    await appended(appendDecided(store, mastPanelStream(panelDate), outcome.panel, context));
    await appended(appendDecided(store, mastRequestStream(requestId), outcome.request, context));
  };
  const runPanel = async (panelDate: string, cutOff: string, present: Array<keyof typeof members>) => {
    await panel(panelDate, { type: 'SchedulePanel', panelDate, panelWeekday: THURSDAY, by: coordinator });
    await catchUp();
    const candidates = await requestsAwaitingPanel(db.dataSource.manager);
    const [agendaSet] = await panel(panelDate, { type: 'SetPanelAgenda', cutOff, candidates, by: coordinator });
    for (const requestId of (agendaSet.data.items as Array<{ requestId: string }>).map((i) => i.requestId)) {
      await request(requestId, { type: 'ListMastRequest', requestId, panelDate, by: coordinator });
    }
    for (const id of present)
      await panel(panelDate, { type: 'RecordAttendance', today: '2026-12-01', member: members[id] });
  };

  beforeAll(async () => {
    db = await createTestDatabase('mast_read_models');
    store = new PostgresEventStore({ pool: db.pool, pollIntervalMs: 100 });
    runner = new ProjectionRunner(db.dataSource, store, projections, 50);

    await make('r1', '2026-01-09T10:00:00Z');
    await make('r2', '2026-01-14T13:00:00Z');

    // Week 1: r2 arrived after the cut-off; r1 is deferred for more information.
    await runPanel('2026-01-15', '2026-01-13T12:00:00Z', ['m1', 'h1']);
    await decide(
      '2026-01-15',
      'r1',
      { outcome: 'defer', informationNeeded: 'Attendance for the autumn term' },
      'Attendance history unclear',
    );
    await request('r1', { type: 'SendResponseToSchool', requestId: 'r1', sentOn: '2026-01-16', by: coordinator });
    await panel('2026-01-15', {
      type: 'RecordMinutes',
      minutes: 'One request considered and deferred.',
      by: coordinator,
    });
    await panel('2026-01-15', { type: 'ClosePanel', by: coordinator });

    // Week 2: both requests accepted; the health member is conflicted on r2.
    await runPanel('2026-01-22', '2026-01-20T12:00:00Z', ['m1', 'm2', 'h1', 'e1']);
    await panel(
      '2026-01-22',
      { type: 'DeclareConflictOfInterest', requestId: 'r2', memberId: 'u-h1', nature: 'Knows the family' },
      'c2',
    );
    await decide(
      '2026-01-22',
      'r1',
      { outcome: 'accept-allocate', allocation: { workerId: 'u-kw1', kind: 'key-worker' } },
      'Family support at home',
    );
    await decide(
      '2026-01-22',
      'r2',
      { outcome: 'accept-allocate', allocation: { workerId: 'u-kw2', kind: 'family-learning-mentor' } },
      'Routines at home',
    );
    await request('r1', { type: 'SendResponseToSchool', requestId: 'r1', sentOn: '2026-01-23', by: coordinator });
    await request('r2', { type: 'SendResponseToSchool', requestId: 'r2', sentOn: '2026-01-29', by: coordinator });
    await panel('2026-01-22', { type: 'RecordMinutes', minutes: 'Two requests accepted.', by: coordinator });
    await panel('2026-01-22', { type: 'ClosePanel', by: coordinator });
    await catchUp();
  });

  afterAll(async () => {
    await runner?.stop();
    await store?.close();
    await db?.drop();
  });

  it("shows each panel's agenda: received before the cut-off, attendance by agency, minutes, decisions", async () => {
    const first = await panelAgenda(db.dataSource.manager, '2026-01-15');
    expect(first?.panel).toMatchObject({
      status: 'closed',
      heldOver: ['r2'],
      minutes: 'One request considered and deferred.',
      carriedOver: [],
    });
    expect(first?.panel.attendance.map((a) => a.agencyId)).toEqual(['mast', 'health']);
    expect(first?.items.map((i) => [i.requestId, i.outcome])).toEqual([['r1', 'defer']]);

    const second = await panelAgenda(db.dataSource.manager, '2026-01-22');
    expect(second?.items.map((i) => [i.requestId, i.returning, i.outcome])).toEqual([
      ['r1', true, 'accept-allocate'],
      ['r2', false, 'accept-allocate'],
    ]);
    const r2 = second!.items[1];
    expect(r2.conflicts).toEqual([{ memberId: 'u-h1', nature: 'Knows the family' }]);
    expect(r2.conflicted).toEqual(['u-h1']);
    expect(r2.participants?.map((p) => p.userId)).toEqual(['u-m1', 'u-m2', 'u-e1']);
  });

  it('keeps the decision log with reasons, a deferral then an acceptance', async () => {
    const log = await panelDecisionLog(db.dataSource.manager);
    expect(log.map((d) => [d.panelDate, d.requestId, d.outcome, d.reason])).toEqual([
      ['2026-01-15', 'r1', 'defer', 'Attendance history unclear'],
      ['2026-01-22', 'r1', 'accept-allocate', 'Family support at home'],
      ['2026-01-22', 'r2', 'accept-allocate', 'Routines at home'],
    ]);
    expect((await requestDecisions(db.dataSource.manager, 'r1')).map((d) => d.outcome)).toEqual([
      'defer',
      'accept-allocate',
    ]);
    expect(await panelDecisionLog(db.dataSource.manager, { from: '2026-01-16' })).toHaveLength(2);
  });

  it('refuses a decision without a quorum of agencies, and records nothing', async () => {
    childOf.r3 = 'c3';
    await make('r3', '2026-01-26T09:00:00Z');
    await runPanel('2026-01-29', '2026-01-27T12:00:00Z', ['m1', 'm2']);
    await expect(
      panel(
        '2026-01-29',
        {
          type: 'RecordPanelDecision',
          today: '2026-12-01',
          requestId: 'r3',
          decision: { outcome: 'decline' },
          reason: 'r',
          quorum,
        },
        'c3',
      ),
    ).rejects.toThrow('mast-panel.quorum-not-met');
    await catchUp();
    const agenda = await panelAgenda(db.dataSource.manager, '2026-01-29');
    expect(agenda?.items.map((i) => [i.requestId, i.status, i.outcome])).toEqual([['r3', 'listed', null]]);
  });

  it('shows first-contact clocks overdue before contact, then met on day 9 and breached on day 12 with the reason', async () => {
    // The decision of 22 January: first contact due within 10 working days, by 5 February.
    const before = await mastDeadlines(db.dataSource.manager, { today: '2026-02-06', states: ['overdue'] });
    expect(before.map((d) => [d.requestId, d.deadline, d.owner.userId, d.dueBy])).toEqual([
      ['r1', 'first-contact', 'u-kw1', '2026-02-05'],
      ['r2', 'first-contact', 'u-kw2', '2026-02-05'],
    ]);

    await request('r1', { type: 'MakeFirstContact', requestId: 'r1', contactOn: '2026-02-04', by: kw1 }, kw1);
    await request(
      'r2',
      {
        type: 'MakeFirstContact',
        requestId: 'r2',
        contactOn: '2026-02-09',
        by: kw2,
        breachReason: 'Family unreachable by phone',
      },
      kw2,
    );
    await catchUp();

    const contacts = await mastDeadlines(db.dataSource.manager, { today: '2026-02-10' });
    const firstContacts = contacts.filter((d) => d.deadline === 'first-contact' && ['r1', 'r2'].includes(d.requestId));
    expect(firstContacts.map((d) => [d.requestId, d.state, d.metOnWorkingDay, d.breachReason])).toEqual([
      ['r1', 'met', 9, null],
      ['r2', 'breached', 12, 'Family unreachable by phone'],
    ]);
    const responses = contacts.filter((d) => d.deadline === 'response');
    expect(responses.map((d) => [d.requestId, d.startedOn, d.state, d.owner.userId])).toEqual([
      ['r1', '2026-01-15', 'met', 'u-coord'],
      ['r1', '2026-01-22', 'met', 'u-coord'],
      ['r2', '2026-01-22', 'met', 'u-coord'],
    ]);
    expect(await mastDeadlines(db.dataSource.manager, { today: '2026-02-10', ownerUserId: 'u-kw2' })).toHaveLength(1);
  });

  it("lists each key worker's caseload", async () => {
    expect(
      (await keyWorkerCaseload(db.dataSource.manager, 'u-kw1')).map((r) => [r.requestId, r.childId, r.needs]),
    ).toEqual([['r1', 'c1', 'Low attendance, difficult mornings']]);
    const all = await keyWorkerCaseloads(db.dataSource.manager);
    expect(all).toEqual(
      expect.arrayContaining([
        { workerId: 'u-kw1', workerKind: 'key-worker', openCases: 1, awaitingFirstContact: 0 },
        { workerId: 'u-kw2', workerKind: 'family-learning-mentor', openCases: 1, awaitingFirstContact: 0 },
      ]),
    );
    await request('r1', {
      type: 'EndMastInvolvement',
      requestId: 'r1',
      endedOn: '2026-04-01',
      reason: 'Plan completed',
    });
    await catchUp();
    expect(await keyWorkerCaseload(db.dataSource.manager, 'u-kw1')).toEqual([]);
  });

  it("ChildRecordErased: the child's requests, clocks and agenda items lose every word about the family and keep the rest", async () => {
    const erasedBy = { userId: 'dpo', role: 'dpo', agencyId: 'local-authority' };
    await appended(
      appendDecided(
        store,
        retentionStream('c1'),
        [
          {
            type: 'ChildRecordErased',
            data: { childId: 'c1', cause: 'disposal', erasedBy, erasedAt: '2026-04-02T10:00:00.000Z' },
          },
        ],
        { actor: erasedBy, childId: 'c1' },
      ),
    );
    await catchUp();
    const [request] = await db.dataSource.query(`SELECT * FROM read_models.mast_requests WHERE request_id = 'r1'`);
    expect(request).toMatchObject({
      child_id: 'c1',
      needs: null,
      already_tried: null,
      parents_involved: null,
      decision_reason: null,
      erased: true,
      status: 'ended',
    });
    const items = await db.dataSource.query(
      `SELECT reason, conflicts::text AS conflicts FROM read_models.mast_agenda_items WHERE child_id = 'c1'`,
    );
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect([item.reason, item.conflicts.includes('"nature"')]).toEqual([null, false]);
    const [other] = await db.dataSource.query(
      `SELECT needs FROM read_models.mast_requests WHERE child_id <> 'c1' AND needs IS NOT NULL LIMIT 1`,
    );
    expect(other).toBeDefined();
  });

  it('rebuilds every MAST read model from position 0 to the same rows', async () => {
    const snapshot = async () => ({
      requests: await db.dataSource.query(`SELECT * FROM read_models.mast_requests ORDER BY request_id`),
      deadlines: await db.dataSource.query(
        `SELECT * FROM read_models.mast_deadlines ORDER BY request_id, deadline, started_on`,
      ),
      items: await db.dataSource.query(`SELECT * FROM read_models.mast_agenda_items ORDER BY panel_date, request_id`),
      panels: await db.dataSource.query(`SELECT * FROM read_models.mast_panels ORDER BY panel_date`),
    });
    const before = await snapshot();
    for (const projection of projections) await runner.rebuild(projection);
    await catchUp();
    expect(await snapshot()).toEqual(before);
  });
});
