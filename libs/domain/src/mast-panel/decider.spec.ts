import type { Actor } from '../shared';
import { given } from '../testing/given';
import { mastPanelDecider } from './decider';
import type { AgendaCandidate, MastPanelEvent, PanelMember } from './events';

const coordinator: Actor = { userId: 'u-coord', role: 'mast-coordinator', agencyId: 'mast' };
const coord = { userId: 'u-coord', role: 'mast-coordinator', agencyId: 'mast' };
const THURSDAY = 4;
const quorum = { minMembers: 3, minAgencies: 2 };

const scheduled: MastPanelEvent = { type: 'PanelScheduled', data: { panelDate: '2026-01-15', scheduledBy: coord } };
const r1: AgendaCandidate = {
  requestId: 'r1',
  childId: 'c1',
  schoolId: 'school-oakfield',
  levelOfNeed: 3,
  receivedAt: '2026-01-09T10:00:00Z',
};
const r2: AgendaCandidate = {
  requestId: 'r2',
  childId: 'c2',
  schoolId: 'school-elm',
  levelOfNeed: 2,
  receivedAt: '2026-01-12T09:00:00Z',
};
const late: AgendaCandidate = {
  requestId: 'r3',
  childId: 'c3',
  schoolId: 'school-elm',
  levelOfNeed: 3,
  receivedAt: '2026-01-13T12:30:00Z',
};
const agenda: MastPanelEvent = {
  type: 'PanelAgendaSet',
  data: { panelDate: '2026-01-15', cutOff: '2026-01-13T12:00:00Z', items: [r1, r2], heldOver: [], setBy: coord },
};
const member = (userId: string, agencyId: string, role = 'panel-member'): PanelMember => ({ userId, agencyId, role });
const attended = (m: PanelMember): MastPanelEvent => ({
  type: 'PanelMemberAttended',
  data: { panelDate: '2026-01-15', member: m },
});
const mast1 = member('u-m1', 'mast');
const mast2 = member('u-m2', 'mast');
const health = member('u-h1', 'health');
const ewo = member('u-e1', 'education-welfare');
const decline = { outcome: 'decline' as const };

describe('MAST panel (mast-panel-{date}): meets weekly on the configured weekday (001)', () => {
  it('is scheduled on the configured weekday', () => {
    given(mastPanelDecider, [])
      .when({ type: 'SchedulePanel', panelDate: '2026-01-15', panelWeekday: THURSDAY, by: coordinator })
      .then([scheduled]);
  });

  it('refuses another weekday, naming the panel date', () => {
    const error = given(mastPanelDecider, [])
      .when({ type: 'SchedulePanel', panelDate: '2026-01-16', panelWeekday: THURSDAY, by: coordinator })
      .thenError('mast-panel.not-panel-weekday');
    expect(error).toMatchObject({ kind: 'invalid', field: 'panelDate' });
    expect(error.message).toContain('Thursdays');
  });

  it('is scheduled only by MAST, once', () => {
    given(mastPanelDecider, [])
      .when({
        type: 'SchedulePanel',
        panelDate: '2026-01-15',
        panelWeekday: THURSDAY,
        by: { ...coordinator, agencyId: 'school-oakfield' },
      })
      .thenError('mast-panel.mast-only');
    given(mastPanelDecider, [scheduled])
      .when({ type: 'SchedulePanel', panelDate: '2026-01-15', panelWeekday: THURSDAY, by: coordinator })
      .thenError('mast-panel.already-scheduled');
  });
});

describe('MAST panel: the agenda is the requests received before the cut-off', () => {
  it('takes those received before the cut-off, oldest first, and holds the rest over', () => {
    given(mastPanelDecider, [scheduled])
      .when({ type: 'SetPanelAgenda', cutOff: '2026-01-13T12:00:00Z', candidates: [late, r2, r1], by: coordinator })
      .then([
        {
          type: 'PanelAgendaSet',
          data: {
            panelDate: '2026-01-15',
            cutOff: '2026-01-13T12:00:00Z',
            items: [r1, r2],
            heldOver: ['r3'],
            setBy: coord,
          },
        },
      ]);
  });

  it('refuses a cut-off after the panel', () => {
    given(mastPanelDecider, [scheduled])
      .when({ type: 'SetPanelAgenda', cutOff: '2026-01-16T12:00:00Z', candidates: [], by: coordinator })
      .thenError('mast-panel.cut-off-after-panel');
  });
});

describe('MAST panel: quorum, conflicts of interest and decisions with reasons', () => {
  const inTheRoom = [scheduled, agenda, attended(mast1), attended(mast2), attended(health)];

  it('records a decision with its reason, who took part and the quorum rule', () => {
    given(mastPanelDecider, inTheRoom)
      .when({
        type: 'RecordPanelDecision',
        today: '2026-12-01',
        requestId: 'r1',
        decision: decline,
        reason: 'Needs met by school',
        quorum,
      })
      .then([
        {
          type: 'PanelDecisionRecorded',
          data: {
            panelDate: '2026-01-15',
            requestId: 'r1',
            childId: 'c1',
            decision: decline,
            reason: 'Needs met by school',
            participants: [mast1, mast2, health],
            conflicted: [],
            quorum,
          },
        },
      ]);
  });

  it('records no decision without a quorum, naming the rule', () => {
    const error = given(mastPanelDecider, [
      scheduled,
      agenda,
      attended(mast1),
      attended(mast2),
      attended(member('u-m3', 'mast')),
    ])
      .when({
        type: 'RecordPanelDecision',
        today: '2026-12-01',
        requestId: 'r1',
        decision: decline,
        reason: 'r',
        quorum,
      })
      .thenError('mast-panel.quorum-not-met');
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('at least 3 members from at least 2 agencies');
    expect(error.message).toContain('3 members from 1 agency');
  });

  it('a member who declared a conflict takes no part, and may break the quorum', () => {
    const declared: MastPanelEvent = {
      type: 'ConflictOfInterestDeclared',
      data: {
        panelDate: '2026-01-15',
        requestId: 'r1',
        childId: 'c1',
        memberId: 'u-h1',
        nature: 'Related to the family',
      },
    };
    given(mastPanelDecider, inTheRoom)
      .when({ type: 'DeclareConflictOfInterest', requestId: 'r1', memberId: 'u-h1', nature: 'Related to the family' })
      .then([declared]);
    given(mastPanelDecider, [...inTheRoom, declared])
      .when({
        type: 'RecordPanelDecision',
        today: '2026-12-01',
        requestId: 'r1',
        decision: decline,
        reason: 'r',
        quorum,
      })
      .thenError('mast-panel.quorum-not-met');
    const [event] = given(mastPanelDecider, [...inTheRoom, attended(ewo), declared])
      .when({
        type: 'RecordPanelDecision',
        today: '2026-12-01',
        requestId: 'r1',
        decision: decline,
        reason: 'r',
        quorum,
      })
      .events();
    expect(event.type === 'PanelDecisionRecorded' && event.data).toMatchObject({
      participants: [mast1, mast2, ewo],
      conflicted: ['u-h1'],
    });
    // The conflict is about r1 only: the same member decides r2.
    const [other] = given(mastPanelDecider, [...inTheRoom, declared])
      .when({
        type: 'RecordPanelDecision',
        today: '2026-12-01',
        requestId: 'r2',
        decision: decline,
        reason: 'r',
        quorum,
      })
      .events();
    expect(other.type === 'PanelDecisionRecorded' && other.data.participants).toContainEqual(health);
  });

  it('a member who left no longer counts', () => {
    const left: MastPanelEvent = { type: 'PanelMemberLeft', data: { panelDate: '2026-01-15', memberId: 'u-h1' } };
    given(mastPanelDecider, [...inTheRoom, left])
      .when({
        type: 'RecordPanelDecision',
        today: '2026-12-01',
        requestId: 'r1',
        decision: decline,
        reason: 'r',
        quorum,
      })
      .thenError('mast-panel.quorum-not-met');
  });

  it('decides only what is on the agenda, once, with a reason', () => {
    given(mastPanelDecider, inTheRoom)
      .when({
        type: 'RecordPanelDecision',
        today: '2026-12-01',
        requestId: 'r3',
        decision: decline,
        reason: 'r',
        quorum,
      })
      .thenError('mast-panel.not-on-agenda');
    given(mastPanelDecider, inTheRoom)
      .when({
        type: 'RecordPanelDecision',
        today: '2026-12-01',
        requestId: 'r1',
        decision: decline,
        reason: ' ',
        quorum,
      })
      .thenError('mast-panel.reason-required');
    const decided = given(mastPanelDecider, inTheRoom)
      .when({
        type: 'RecordPanelDecision',
        today: '2026-12-01',
        requestId: 'r1',
        decision: decline,
        reason: 'r',
        quorum,
      })
      .events();
    given(mastPanelDecider, [...inTheRoom, ...decided])
      .when({
        type: 'RecordPanelDecision',
        today: '2026-12-01',
        requestId: 'r1',
        decision: decline,
        reason: 'r',
        quorum,
      })
      .thenError('mast-panel.already-decided');
  });

  it('a conflict is declared by a member present, about a request on the agenda', () => {
    given(mastPanelDecider, inTheRoom)
      .when({ type: 'DeclareConflictOfInterest', requestId: 'r1', memberId: 'u-e1', nature: 'x' })
      .thenError('mast-panel.not-present');
    given(mastPanelDecider, inTheRoom)
      .when({ type: 'DeclareConflictOfInterest', requestId: 'r9', memberId: 'u-h1', nature: 'x' })
      .thenError('mast-panel.not-on-agenda');
  });

  it('records attendance once per member, professionals only', () => {
    given(mastPanelDecider, inTheRoom)
      .when({ type: 'RecordAttendance', today: '2026-12-01', member: health })
      .thenError('mast-panel.already-present');
    given(mastPanelDecider, inTheRoom)
      .when({ type: 'RecordAttendance', today: '2026-12-01', member: member('u-p', 'school-oakfield', 'parent-carer') })
      .thenError('mast-panel.members-only');
  });
});

describe('MAST panel: minutes and closing', () => {
  const decided: MastPanelEvent = {
    type: 'PanelDecisionRecorded',
    data: {
      panelDate: '2026-01-15',
      requestId: 'r1',
      childId: 'c1',
      decision: decline,
      reason: 'r',
      participants: [mast1, mast2, health],
      conflicted: [],
      quorum,
    },
  };
  const minutes: MastPanelEvent = {
    type: 'PanelMinutesRecorded',
    data: { panelDate: '2026-01-15', minutes: 'Two requests considered.', recordedBy: coord },
  };

  it('closes once minutes are recorded, carrying undecided requests over', () => {
    given(mastPanelDecider, [scheduled, agenda, decided])
      .when({ type: 'ClosePanel', by: coordinator })
      .thenError('mast-panel.minutes-required');
    given(mastPanelDecider, [scheduled, agenda, decided])
      .when({ type: 'RecordMinutes', minutes: 'Two requests considered.', by: coordinator })
      .then([minutes]);
    given(mastPanelDecider, [scheduled, agenda, decided, minutes])
      .when({ type: 'ClosePanel', by: coordinator })
      .then([
        {
          type: 'PanelClosed',
          data: { panelDate: '2026-01-15', decided: ['r1'], carriedOver: ['r2'], closedBy: coord },
        },
      ]);
  });

  it('takes nothing more once closed', () => {
    const closed: MastPanelEvent = {
      type: 'PanelClosed',
      data: { panelDate: '2026-01-15', decided: ['r1'], carriedOver: ['r2'], closedBy: coord },
    };
    given(mastPanelDecider, [scheduled, agenda, decided, minutes, closed])
      .when({ type: 'RecordAttendance', today: '2026-12-01', member: ewo })
      .thenError('mast-panel.closed');
  });

  it('refuses everything before it is scheduled', () => {
    given(mastPanelDecider, [])
      .when({ type: 'RecordAttendance', today: '2026-12-01', member: ewo })
      .thenError('mast-panel.not-scheduled');
  });
});

describe("MAST panel: what happens in the meeting is recorded from the panel's day", () => {
  it('refuses attendance and decisions recorded before the panel meets', () => {
    const dayBefore = '2026-01-14';
    expect(
      given(mastPanelDecider, [scheduled, agenda])
        .when({ type: 'RecordAttendance', today: dayBefore, member: mast1 })
        .thenError('mast-panel.not-yet-met').kind,
    ).toBe('conflict');
    const inTheRoom = [scheduled, agenda, attended(mast1), attended(mast2), attended(health)];
    given(mastPanelDecider, inTheRoom)
      .when({ type: 'RecordPanelDecision', today: dayBefore, requestId: 'r1', decision: decline, reason: 'r', quorum })
      .thenError('mast-panel.not-yet-met');
    given(mastPanelDecider, inTheRoom)
      .when({
        type: 'RecordPanelDecision',
        today: '2026-01-15',
        requestId: 'r1',
        decision: decline,
        reason: 'r',
        quorum,
      })
      .events();
  });
});
