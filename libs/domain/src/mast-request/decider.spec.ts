import type { Actor } from '../shared';
import { given } from '../testing/given';
import { fixtureCalendar } from '../multi-agency/calendar.fixture';
import { mastRequestDecider } from './decider';
import type { MakeMastRequest } from './commands';
import type { MastRequestEvent } from './events';

const decider = mastRequestDecider(fixtureCalendar());
const senco: Actor = { userId: 'u-senco', role: 'senco', agencyId: 'school-oakfield' };
const coordinator: Actor = { userId: 'u-coord', role: 'mast-coordinator', agencyId: 'mast' };
const keyWorker: Actor = { userId: 'u-kw', role: 'key-worker', agencyId: 'mast' };

const make: MakeMastRequest = {
  type: 'MakeMastRequest',
  requestId: 'r1',
  childId: 'c1',
  by: senco,
  parentsInvolved: [{ name: 'Sara Khan', relationship: 'mother' }],
  needs: 'Persistent absence, low mood at home',
  alreadyTried: 'School learning mentor for 6 weeks; attendance meetings',
  levelOfNeed: 3,
  consent: { covered: true, consentId: 'consent-9' },
  receivedAt: '2026-01-09T10:00:00Z',
};
const made: MastRequestEvent = {
  type: 'MastRequestMade',
  data: {
    requestId: 'r1',
    childId: 'c1',
    schoolId: 'school-oakfield',
    requestedBy: { userId: 'u-senco', role: 'senco', agencyId: 'school-oakfield' },
    parentsInvolved: [{ name: 'Sara Khan', relationship: 'mother' }],
    needs: 'Persistent absence, low mood at home',
    alreadyTried: 'School learning mentor for 6 weeks; attendance meetings',
    levelOfNeed: 3,
    consentId: 'consent-9',
    receivedAt: '2026-01-09T10:00:00Z',
  },
};
const coord = { userId: 'u-coord', role: 'mast-coordinator', agencyId: 'mast' };
const listed = (panelDate: string): MastRequestEvent => ({
  type: 'MastRequestListed',
  data: { requestId: 'r1', childId: 'c1', panelDate, listedBy: coord },
});
const allocate = { outcome: 'accept-allocate' as const, allocation: { workerId: 'u-kw', kind: 'key-worker' as const } };
const accepted = (
  panelDate = '2026-01-15',
  responseDueBy = '2026-01-22',
  firstContactDueBy = '2026-01-29',
): MastRequestEvent => ({
  type: 'MastRequestDecided',
  data: {
    requestId: 'r1',
    childId: 'c1',
    panelDate,
    decision: allocate,
    reason: 'Family support needed at home',
    responseDueBy,
    responseOwner: coord,
    firstContactDueBy,
  },
});

describe('MAST request (mast-request-{id}): made by the SENCo with the parents (001)', () => {
  it('records the needs, what the school already tried, the level of need and the covering consent', () => {
    given(decider, []).when(make).then([made]);
  });

  it('refuses anyone but a school SENCo', () => {
    const error = given(decider, [])
      .when({ ...make, by: { userId: 'u-lm', role: 'learning-mentor', agencyId: 'school-oakfield' } })
      .thenError('mast-request.senco-only');
    expect(error.kind).toBe('forbidden');
  });

  it('refuses a request without consent covering mast-involvement, naming the missing consent', () => {
    const error = given(decider, [])
      .when({
        ...make,
        consent: {
          covered: false,
          reason: 'withdrawn',
          explanation: 'Consent consent-9 for mast-involvement was withdrawn on 2026-01-05',
        },
      })
      .thenError('mast-request.consent-required');
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('mast-involvement');
    expect(error.message).toContain('withdrawn');
  });

  it('refuses a request made without the parents, naming the field', () => {
    const error = given(decider, [])
      .when({ ...make, parentsInvolved: [] })
      .thenError('mast-request.parents-required');
    expect(error).toMatchObject({ kind: 'invalid', field: 'parentsInvolved' });
  });

  it.each([
    ['needs', { needs: ' ' }, 'mast-request.needs-required'],
    ['alreadyTried', { alreadyTried: '' }, 'mast-request.already-tried-required'],
    ['levelOfNeed', { levelOfNeed: 5 }, 'mast-request.level-of-need'],
  ])('names %s when it is missing or wrong', (field, change, rule) => {
    const error = given(decider, [])
      .when({ ...make, ...change } as MakeMastRequest)
      .thenError(rule);
    expect(error).toMatchObject({ kind: 'invalid', field });
  });

  it('refuses the same request twice', () => {
    given(decider, [made]).when(make).thenError('mast-request.already-made');
  });
});

describe('MAST request: listed for a panel and decided there', () => {
  it('is listed for a panel by MAST', () => {
    given(decider, [made])
      .when({ type: 'ListMastRequest', requestId: 'r1', panelDate: '2026-01-15', by: coordinator })
      .then([listed('2026-01-15')]);
  });

  it('is not listed by a school', () => {
    given(decider, [made])
      .when({ type: 'ListMastRequest', requestId: 'r1', panelDate: '2026-01-15', by: senco })
      .thenError('mast-request.mast-only');
  });

  it('moves only to a later panel once listed', () => {
    given(decider, [made, listed('2026-01-15')])
      .when({ type: 'ListMastRequest', requestId: 'r1', panelDate: '2026-01-15', by: coordinator })
      .thenError('mast-request.already-listed');
    given(decider, [made, listed('2026-01-15')])
      .when({ type: 'ListMastRequest', requestId: 'r1', panelDate: '2026-01-22', by: coordinator })
      .then([listed('2026-01-22')]);
  });

  it('records an acceptance with a key worker: response due 5 working days after the panel, first contact 10', () => {
    given(decider, [made, listed('2026-01-15')])
      .when({
        type: 'DecideMastRequest',
        requestId: 'r1',
        panelDate: '2026-01-15',
        decision: allocate,
        reason: 'Family support needed at home',
      })
      .then([accepted()]);
  });

  it('counts working days across the Easter bank holidays', () => {
    const [event] = given(decider, [made, listed('2026-04-02')])
      .when({ type: 'DecideMastRequest', requestId: 'r1', panelDate: '2026-04-02', decision: allocate, reason: 'r' })
      .events();
    // Good Friday 3 April and Easter Monday 6 April 2026 are not working days.
    expect(event.data).toMatchObject({ responseDueBy: '2026-04-13', firstContactDueBy: '2026-04-20' });
  });

  it.each([
    [{ outcome: 'accept-for-service', service: 'CAMHS' }],
    [{ outcome: 'signpost', signpostTo: "Parenting course at the children's centre" }],
    [{ outcome: 'decline' }],
  ])('records %j with a response due and no first-contact clock', (decision) => {
    const [event] = given(decider, [made, listed('2026-01-15')])
      .when({
        type: 'DecideMastRequest',
        requestId: 'r1',
        panelDate: '2026-01-15',
        decision: decision as never,
        reason: 'Needs met elsewhere',
      })
      .events();
    expect(event.data).toMatchObject({ decision, responseDueBy: '2026-01-22' });
    expect(event.data).not.toHaveProperty('firstContactDueBy');
  });

  it('needs the reason for every decision', () => {
    const error = given(decider, [made, listed('2026-01-15')])
      .when({
        type: 'DecideMastRequest',
        requestId: 'r1',
        panelDate: '2026-01-15',
        decision: { outcome: 'decline' },
        reason: '',
      })
      .thenError('mast-request.reason-required');
    expect(error.field).toBe('reason');
  });

  it('names the missing part of a decision', () => {
    const error = given(decider, [made, listed('2026-01-15')])
      .when({
        type: 'DecideMastRequest',
        requestId: 'r1',
        panelDate: '2026-01-15',
        decision: { outcome: 'accept-allocate', allocation: { workerId: '', kind: 'key-worker' } },
        reason: 'r',
      })
      .thenError('mast-request.allocation-required');
    expect(error.field).toBe('decision.allocation.workerId');
  });

  it('is decided only by the panel it is listed for', () => {
    given(decider, [made, listed('2026-01-15')])
      .when({
        type: 'DecideMastRequest',
        requestId: 'r1',
        panelDate: '2026-01-22',
        decision: { outcome: 'decline' },
        reason: 'r',
      })
      .thenError('mast-request.not-listed-for-panel');
    given(decider, [made])
      .when({
        type: 'DecideMastRequest',
        requestId: 'r1',
        panelDate: '2026-01-15',
        decision: { outcome: 'decline' },
        reason: 'r',
      })
      .thenError('mast-request.not-listed-for-panel');
  });

  it('returns a deferred request to a later agenda, after the school has been told', () => {
    const deferred: MastRequestEvent = {
      type: 'MastRequestDecided',
      data: {
        requestId: 'r1',
        childId: 'c1',
        panelDate: '2026-01-15',
        decision: { outcome: 'defer', informationNeeded: 'Attendance for the autumn term' },
        reason: 'Not enough to decide on',
        responseDueBy: '2026-01-22',
        responseOwner: coord,
      },
    };
    given(decider, [made, listed('2026-01-15')])
      .when({
        type: 'DecideMastRequest',
        requestId: 'r1',
        panelDate: '2026-01-15',
        decision: { outcome: 'defer', informationNeeded: 'Attendance for the autumn term' },
        reason: 'Not enough to decide on',
      })
      .then([deferred]);
    given(decider, [made, listed('2026-01-15'), deferred])
      .when({ type: 'ListMastRequest', requestId: 'r1', panelDate: '2026-01-15', by: coordinator })
      .thenError('mast-request.deferred-to-later-panel');
    const relisted = [made, listed('2026-01-15'), deferred, listed('2026-01-22')];
    given(decider, relisted)
      .when({ type: 'DecideMastRequest', requestId: 'r1', panelDate: '2026-01-22', decision: allocate, reason: 'r' })
      .thenError('mast-request.response-outstanding');
    const told: MastRequestEvent = {
      type: 'ResponseSentToSchool',
      data: {
        requestId: 'r1',
        childId: 'c1',
        panelDate: '2026-01-15',
        sentOn: '2026-01-16',
        sentBy: coord,
        workingDay: 1,
      },
    };
    given(decider, [...relisted, told])
      .when({
        type: 'DecideMastRequest',
        requestId: 'r1',
        panelDate: '2026-01-22',
        decision: allocate,
        reason: 'Family support needed at home',
      })
      .then([accepted('2026-01-22', '2026-01-29', '2026-02-05')]);
  });
});

describe('MAST request: response to the school within 5 working days of the panel', () => {
  const history = [made, listed('2026-01-15'), accepted()];

  it('sent on time: no breach', () => {
    given(decider, history)
      .when({ type: 'SendResponseToSchool', requestId: 'r1', sentOn: '2026-01-22', by: coordinator })
      .then([
        {
          type: 'ResponseSentToSchool',
          data: {
            requestId: 'r1',
            childId: 'c1',
            panelDate: '2026-01-15',
            sentOn: '2026-01-22',
            sentBy: coord,
            workingDay: 5,
          },
        },
      ]);
  });

  it('sent late: the breach is recorded with its reason', () => {
    given(decider, history)
      .when({
        type: 'SendResponseToSchool',
        requestId: 'r1',
        sentOn: '2026-01-23',
        by: coordinator,
        breachReason: 'Co-ordinator off sick',
      })
      .then([
        {
          type: 'MastDeadlineBreached',
          data: {
            requestId: 'r1',
            childId: 'c1',
            deadline: 'response',
            dueBy: '2026-01-22',
            owner: coord,
            reason: 'Co-ordinator off sick',
            recordedOn: '2026-01-23',
          },
        },
        {
          type: 'ResponseSentToSchool',
          data: {
            requestId: 'r1',
            childId: 'c1',
            panelDate: '2026-01-15',
            sentOn: '2026-01-23',
            sentBy: coord,
            workingDay: 6,
          },
        },
      ]);
  });

  it('sent late without a reason: refused, naming breachReason', () => {
    const error = given(decider, history)
      .when({ type: 'SendResponseToSchool', requestId: 'r1', sentOn: '2026-01-23', by: coordinator })
      .thenError('mast-request.breach-reason-required');
    expect(error).toMatchObject({ kind: 'invalid', field: 'breachReason' });
  });

  it('is not sent twice', () => {
    const sent: MastRequestEvent = {
      type: 'ResponseSentToSchool',
      data: {
        requestId: 'r1',
        childId: 'c1',
        panelDate: '2026-01-15',
        sentOn: '2026-01-20',
        sentBy: coord,
        workingDay: 3,
      },
    };
    given(decider, [...history, sent])
      .when({ type: 'SendResponseToSchool', requestId: 'r1', sentOn: '2026-01-21', by: coordinator })
      .thenError('mast-request.no-response-due');
  });
});

describe('MAST request: first contact within 10 working days of the decision', () => {
  const history = [made, listed('2026-01-15'), accepted()];

  it('on working day 9: no breach', () => {
    given(decider, history)
      .when({ type: 'MakeFirstContact', requestId: 'r1', contactOn: '2026-01-28', by: keyWorker })
      .then([
        {
          type: 'FirstContactMade',
          data: { requestId: 'r1', childId: 'c1', workerId: 'u-kw', contactOn: '2026-01-28', workingDay: 9 },
        },
      ]);
  });

  it('on working day 12: a breach with its reason', () => {
    const events = given(decider, history)
      .when({
        type: 'MakeFirstContact',
        requestId: 'r1',
        contactOn: '2026-02-02',
        by: keyWorker,
        breachReason: 'Family did not answer until then',
      })
      .events();
    expect(events.map((e) => e.type)).toEqual(['MastDeadlineBreached', 'FirstContactMade']);
    expect(events[0].data).toMatchObject({
      deadline: 'first-contact',
      dueBy: '2026-01-29',
      owner: { userId: 'u-kw', role: 'key-worker', agencyId: 'mast' },
    });
    expect(events[1].data).toMatchObject({ workingDay: 12 });
  });

  it('is recorded only by the allocated worker', () => {
    const other: Actor = { userId: 'u-other', role: 'key-worker', agencyId: 'mast' };
    const error = given(decider, history)
      .when({ type: 'MakeFirstContact', requestId: 'r1', contactOn: '2026-01-20', by: other })
      .thenError('mast-request.allocated-worker-only');
    expect(error.kind).toBe('forbidden');
  });

  it('a breach recorded once the deadline passed; the late contact then needs no second reason', () => {
    const breached: MastRequestEvent = {
      type: 'MastDeadlineBreached',
      data: {
        requestId: 'r1',
        childId: 'c1',
        deadline: 'first-contact',
        dueBy: '2026-01-29',
        owner: { userId: 'u-kw', role: 'key-worker', agencyId: 'mast' },
        reason: 'Worker off sick',
        recordedOn: '2026-01-30',
      },
    };
    given(decider, history)
      .when({
        type: 'RecordDeadlineBreach',
        requestId: 'r1',
        deadline: 'first-contact',
        today: '2026-01-30',
        reason: 'Worker off sick',
      })
      .then([breached]);
    given(decider, history)
      .when({
        type: 'RecordDeadlineBreach',
        requestId: 'r1',
        deadline: 'first-contact',
        today: '2026-01-29',
        reason: 'x',
      })
      .thenError('mast-request.not-yet-breached');
    given(decider, [...history, breached])
      .when({
        type: 'RecordDeadlineBreach',
        requestId: 'r1',
        deadline: 'first-contact',
        today: '2026-01-31',
        reason: 'x',
      })
      .thenError('mast-request.breach-already-recorded');
    const events = given(decider, [...history, breached])
      .when({ type: 'MakeFirstContact', requestId: 'r1', contactOn: '2026-02-02', by: keyWorker })
      .events();
    expect(events.map((e) => e.type)).toEqual(['FirstContactMade']);
  });

  it('there is no first contact without an allocation', () => {
    const declined: MastRequestEvent = {
      type: 'MastRequestDecided',
      data: {
        requestId: 'r1',
        childId: 'c1',
        panelDate: '2026-01-15',
        decision: { outcome: 'decline' },
        reason: 'r',
        responseDueBy: '2026-01-22',
        responseOwner: coord,
      },
    };
    given(decider, [made, listed('2026-01-15'), declined])
      .when({ type: 'MakeFirstContact', requestId: 'r1', contactOn: '2026-01-20', by: keyWorker })
      .thenError('mast-request.not-allocated');
  });

  it('ends an allocated involvement with its reason', () => {
    given(decider, history)
      .when({ type: 'EndMastInvolvement', requestId: 'r1', endedOn: '2026-04-01', reason: 'Plan completed' })
      .then([
        {
          type: 'MastInvolvementEnded',
          data: { requestId: 'r1', childId: 'c1', endedOn: '2026-04-01', reason: 'Plan completed' },
        },
      ]);
    // Not before the panel that allocated it.
    expect(
      given(decider, history)
        .when({ type: 'EndMastInvolvement', requestId: 'r1', endedOn: '2026-01-14', reason: 'Plan completed' })
        .thenError('date.before-preceding-act').field,
    ).toBe('endedOn');
  });

  it('refuses any step on a request never made', () => {
    given(decider, [])
      .when({ type: 'ListMastRequest', requestId: 'r1', panelDate: '2026-01-15', by: coordinator })
      .thenError('mast-request.not-made');
  });
});
