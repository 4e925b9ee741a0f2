import { ENGLAND_AND_WALES_BANK_HOLIDAYS, fixtureCalendar } from '../multi-agency/calendar.fixture';
import { schoolCalendar } from '../school-calendar';
import { type Actor, isDomainError, replay } from '../shared';
import { given } from '../testing/given';
import { requestStatus } from './clocks';
import type { RecordSubjectAccessRequest, ReleaseSubjectAccessResponse, SubjectAccessCommand } from './commands';
import { subjectAccessDecider } from './decider';
import type { SubjectAccessEvent } from './events';

// Oakfield's autumn term 2026: half-term 26 to 30 October, and an INSET day on Monday 2 November.
const oakfieldDays = schoolCalendar(ENGLAND_AND_WALES_BANK_HOLIDAYS, {
  terms: [
    { start: '2026-09-03', end: '2026-10-23' },
    { start: '2026-11-02', end: '2026-12-18' },
  ],
  closures: ['2026-11-02'],
});
const decider = subjectAccessDecider({
  workingDays: fixtureCalendar(),
  schoolDays: (schoolId) => (schoolId === 'school-oakfield' ? oakfieldDays : fixtureCalendar()),
});
const dpo: Actor = { userId: 'dpo', role: 'dpo', agencyId: 'local-authority' };
const dsl: Actor = { userId: 'dsl.oakfield', role: 'dsl', agencyId: 'school-oakfield' };

const record = (
  receivedOn: string,
  overrides: Partial<RecordSubjectAccessRequest> = {},
): RecordSubjectAccessRequest => ({
  type: 'RecordSubjectAccessRequest',
  requestId: 'r1',
  childId: 'c1',
  kind: 'personal-data',
  requester: { name: 'Jo Smith', relationship: 'parent' },
  identityCheck: { method: 'photo-identity-seen', details: 'Passport seen at reception by the office manager' },
  receivedOn,
  schoolId: 'school-oakfield',
  by: dpo,
  at: '2026-12-01T10:00:00Z',
  ...overrides,
});
const extend = (months: number, requesterToldOn: string): SubjectAccessCommand => ({
  type: 'ExtendSubjectAccessRequest',
  months,
  reason: 'Records held by three agencies',
  requesterToldOn,
  by: dpo,
  at: '2026-12-01T10:00:00Z',
});
const release = (at: string, lateReason?: string): ReleaseSubjectAccessResponse => ({
  type: 'ReleaseSubjectAccessResponse',
  disclosureId: 'd1',
  channel: 'secure-email',
  pack: {
    report: { copy: 'family', disclosures: [] },
    sent: { digest: 'sha256:pack', items: [{ section: 'disclosure', ref: 'x1', digest: 'sha256:x1' }] },
    exemptionsApplied: [{ section: 'disclosure', ref: 'x2', exemption: 'serious-harm' }],
  },
  lateReason,
  by: dpo,
  at,
});

function history(...commands: SubjectAccessCommand[]): SubjectAccessEvent[] {
  const events: SubjectAccessEvent[] = [];
  for (const command of commands) {
    const outcome = decider.decide(command, replay(decider, events));
    if (isDomainError(outcome)) throw new Error(`${command.type}: ${outcome.rule}`);
    events.push(...outcome);
  }
  return events;
}
const dueOf = (command: SubjectAccessCommand) =>
  (given(decider, []).when(command).events()[0].data as { dueBy: string }).dueBy;

describe('a subject-access request on its clock', () => {
  it('is due on the same date next month, counting the day of receipt, and on the next working day when that is a day off', () => {
    expect(dueOf(record('2026-09-14'))).toBe('2026-10-14');
    // 3 October 2026 is a Saturday.
    expect(dueOf(record('2026-09-03'))).toBe('2026-10-05');
    // 3 April 2026 is Good Friday and 6 April Easter Monday.
    expect(dueOf(record('2026-03-03'))).toBe('2026-04-07');
  });

  it('runs to the last day of a shorter month (then to the next working day)', () => {
    expect(dueOf(record('2025-01-31'))).toBe('2025-02-28');
    // 28 February 2026 is a Saturday.
    expect(dueOf(record('2026-01-31'))).toBe('2026-03-02');
  });

  it('records who asked, how, how their identity was checked, and refuses what is missing by field', () => {
    const [received] = given(decider, []).when(record('2026-09-14')).events();
    expect(received).toEqual({
      type: 'SubjectAccessRequestReceived',
      data: {
        requestId: 'r1',
        childId: 'c1',
        kind: 'personal-data',
        requester: { name: 'Jo Smith', relationship: 'parent' },
        identityCheck: { method: 'photo-identity-seen', details: 'Passport seen at reception by the office manager' },
        receivedOn: '2026-09-14',
        clock: 'one-calendar-month',
        dueBy: '2026-10-14',
        recordedBy: { userId: 'dpo', role: 'dpo', agencyId: 'local-authority' },
        recordedAt: '2026-12-01T10:00:00Z',
      },
    });
    expect(
      given(decider, [])
        .when(record('2026-09-14', { identityCheck: { method: 'asked-nicely', details: 'x' } } as never))
        .thenError('subject-access.identity-check').field,
    ).toBe('identityCheck.method');
    expect(
      given(decider, [])
        .when(record('2026-09-14', { requester: { name: ' ', relationship: 'parent' } }))
        .thenError('subject-access.requester-name-required').field,
    ).toBe('requester.name');
    expect(given(decider, []).when(record('14/09/2026')).thenError('subject-access.received-on').field).toBe(
      'receivedOn',
    );
    given(decider, history(record('2026-09-14')))
      .when(record('2026-09-14'))
      .thenError('subject-access.already-recorded');
  });

  it("counts a parent's request for the educational record in 15 school days, skipping the school's closure days", () => {
    const educational = record('2026-10-16', { kind: 'educational-record' });
    const [received] = given(decider, []).when(educational).events();
    // Friday 16 October: 5 school days to the 23rd, half-term, the INSET day, then 10 more to Monday 16 November.
    expect(received.data).toMatchObject({
      clock: 'fifteen-school-days',
      schoolId: 'school-oakfield',
      dueBy: '2026-11-16',
    });
    // A school open through those weeks (weekdays less bank holidays): three weeks, to Friday 6 November.
    expect(dueOf({ ...educational, schoolId: 'school-riverside' })).toBe('2026-11-06');
    const anyoneElse = record('2026-10-16', {
      kind: 'educational-record',
      requester: { name: 'A Solicitor', relationship: 'legal-representative' },
    });
    expect(given(decider, []).when(anyoneElse).thenError('subject-access.educational-record-for-parents').field).toBe(
      'requester.relationship',
    );
    given(decider, history(educational))
      .when(extend(1, '2026-10-20'))
      .thenError('subject-access.educational-record-not-extendable');
  });

  it('extends once, by up to two further months, the requester told within the first month', () => {
    const open = history(record('2026-09-14'));
    const [extended] = given(decider, open).when(extend(2, '2026-10-10')).events();
    expect(extended.data).toMatchObject({
      months: 2,
      firstDueBy: '2026-10-14',
      dueBy: '2026-12-14',
      requesterToldOn: '2026-10-10',
      reason: 'Records held by three agencies',
    });
    expect((given(decider, open).when(extend(1, '2026-10-14')).events()[0].data as { dueBy: string }).dueBy).toBe(
      '2026-11-16',
    );
    given(decider, history(record('2026-09-14'), extend(1, '2026-10-01')))
      .when(extend(1, '2026-10-02'))
      .thenError('subject-access.extended-once');
    given(decider, open).when(extend(2, '2026-10-15')).thenError('subject-access.extension-within-first-month');
    expect(given(decider, open).when(extend(3, '2026-10-10')).thenError('subject-access.extension-months').field).toBe(
      'months',
    );
    expect(given(decider, open).when(extend(2, '2026-09-01')).thenError('date.before-preceding-act').field).toBe(
      'requesterToldOn',
    );
    expect(
      given(decider, open)
        .when({ ...extend(2, '2026-10-10'), reason: '' } as SubjectAccessCommand)
        .thenError('subject-access.extension-reason-required').field,
    ).toBe('reason');
  });

  it('closes on time with what was sent, released as a disclosure on its basis in law', () => {
    const events = given(decider, history(record('2026-09-14')))
      .when(release('2026-10-14T16:00:00Z'))
      .events();
    expect(events.map((e) => e.type)).toEqual(['SubjectAccessResponseReleased', 'SubjectAccessRequestClosed']);
    expect(events[0].data).toMatchObject({
      disclosureId: 'd1',
      recipient: { name: 'Jo Smith', relationship: 'parent' },
      basis: { kind: 'uk-gdpr-art-15' },
      pack: { copy: 'family' },
      sent: { digest: 'sha256:pack' },
    });
    expect(events[1].data).toEqual({
      requestId: 'r1',
      childId: 'c1',
      answeredOn: '2026-10-14',
      dueBy: '2026-10-14',
      onTime: true,
      disclosureId: 'd1',
      sentDigest: 'sha256:pack',
      itemsSent: 1,
      closedBy: { userId: 'dpo', role: 'dpo', agencyId: 'local-authority' },
      closedAt: '2026-10-14T16:00:00Z',
    });
    given(decider, history(record('2026-09-14'), release('2026-10-14T16:00:00Z')))
      .when(release('2026-10-15T09:00:00Z'))
      .thenError('subject-access.already-answered');
    given(decider, history(record('2026-09-14'), release('2026-10-14T16:00:00Z')))
      .when(extend(1, '2026-10-01'))
      .thenError('subject-access.already-answered');
  });

  it('answers late only with the reason, and keeps the breach; an extended request is late only after its new day', () => {
    const open = history(record('2026-09-14'));
    // 23:30 UTC on 14 October is 00:30 on the 15th in London (BST): the day is England's, so it is late.
    expect(
      given(decider, open).when(release('2026-10-14T23:30:00Z')).thenError('subject-access.late-reason-required').field,
    ).toBe('lateReason');
    const [, closed] = given(decider, open)
      .when(release('2026-10-20T10:00:00Z', 'The school office was closed by flooding'))
      .events();
    expect(closed.data).toMatchObject({
      onTime: false,
      breach: { dueBy: '2026-10-14', reason: 'The school office was closed by flooding' },
    });
    const [, inTime] = given(decider, history(record('2026-09-14'), extend(2, '2026-10-10')))
      .when(release('2026-12-01T10:00:00Z'))
      .events();
    expect(inTime.data).toMatchObject({ onTime: true, dueBy: '2026-12-14' });
  });

  it("is the dpo's work alone", () => {
    given(decider, [])
      .when(record('2026-09-14', { by: dsl }))
      .thenError('subject-access.dpo-only');
    given(decider, []).when(extend(1, '2026-10-01')).thenError('subject-access.not-recorded');
  });

  it('shows as due, overdue or answered on a day', () => {
    expect(requestStatus({ dueBy: '2026-10-14', answeredOn: null }, '2026-10-14')).toBe('due');
    expect(requestStatus({ dueBy: '2026-10-14', answeredOn: null }, '2026-10-15')).toBe('overdue');
    expect(requestStatus({ dueBy: '2026-10-14', answeredOn: '2026-10-20' }, '2026-12-01')).toBe('answered');
  });
});
