import { isDomainError, replay } from '../shared';
import { fixtureCalendar } from '../multi-agency/calendar.fixture';
import { mastRequestDecider } from '../mast-request/decider';
import type { MastRequestEvent } from '../mast-request/events';
import { mastPanelDecider } from './decider';
import { decideAtPanel } from './decide-at-panel';
import type { MastPanelEvent } from './events';

const calendar = fixtureCalendar();
const coord = { userId: 'u-coord', role: 'mast-coordinator', agencyId: 'mast' };
const panelHistory: MastPanelEvent[] = [
  { type: 'PanelScheduled', data: { panelDate: '2026-01-22', scheduledBy: coord } },
  {
    type: 'PanelAgendaSet',
    data: {
      panelDate: '2026-01-22',
      cutOff: '2026-01-20T12:00:00Z',
      items: [
        {
          requestId: 'r1',
          childId: 'c1',
          schoolId: 'school-oakfield',
          levelOfNeed: 3,
          receivedAt: '2026-01-09T10:00:00Z',
          returning: true,
        },
      ],
      heldOver: [],
      setBy: coord,
    },
  },
  {
    type: 'PanelMemberAttended',
    data: { panelDate: '2026-01-22', member: { userId: 'u-m1', role: 'panel-member', agencyId: 'mast' } },
  },
  {
    type: 'PanelMemberAttended',
    data: { panelDate: '2026-01-22', member: { userId: 'u-h1', role: 'panel-member', agencyId: 'health' } },
  },
];
const made: MastRequestEvent = {
  type: 'MastRequestMade',
  data: {
    requestId: 'r1',
    childId: 'c1',
    schoolId: 'school-oakfield',
    requestedBy: { userId: 'u-senco', role: 'senco', agencyId: 'school-oakfield' },
    parentsInvolved: [{ name: 'Sara Khan', relationship: 'mother' }],
    needs: 'n',
    alreadyTried: 't',
    levelOfNeed: 3,
    consentId: 'consent-1',
    receivedAt: '2026-01-09T10:00:00Z',
  },
};
const deferred: MastRequestEvent[] = [
  made,
  { type: 'MastRequestListed', data: { requestId: 'r1', childId: 'c1', panelDate: '2026-01-15', listedBy: coord } },
  {
    type: 'MastRequestDecided',
    data: {
      requestId: 'r1',
      childId: 'c1',
      panelDate: '2026-01-15',
      decision: { outcome: 'defer', informationNeeded: 'i' },
      reason: 'r',
      responseDueBy: '2026-01-22',
      responseOwner: coord,
    },
  },
  { type: 'MastRequestListed', data: { requestId: 'r1', childId: 'c1', panelDate: '2026-01-22', listedBy: coord } },
];
const accept = {
  type: 'RecordPanelDecision' as const,
  today: '2026-12-01',
  requestId: 'r1',
  decision: { outcome: 'accept-allocate' as const, allocation: { workerId: 'u-kw', kind: 'key-worker' as const } },
  reason: 'Family support at home',
  quorum: { minMembers: 2, minAgencies: 2 },
};

describe('a panel decision decided on both streams before either is written', () => {
  const panel = replay(mastPanelDecider, panelHistory);

  it("gives the meeting's record and the request's decision with its deadlines", () => {
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
    const outcome = decideAtPanel(calendar, panel, replay(mastRequestDecider(calendar), [...deferred, told]), accept);
    if (isDomainError(outcome)) throw new Error(outcome.rule);
    expect(outcome.panel.map((e) => e.type)).toEqual(['PanelDecisionRecorded']);
    expect(outcome.request).toEqual([
      expect.objectContaining({
        type: 'MastRequestDecided',
        data: expect.objectContaining({
          panelDate: '2026-01-22',
          responseDueBy: '2026-01-29',
          firstContactDueBy: '2026-02-05',
        }),
      }),
    ]);
  });

  it('records nothing in the meeting when the request refuses', () => {
    const outcome = decideAtPanel(calendar, panel, replay(mastRequestDecider(calendar), deferred), accept);
    expect(isDomainError(outcome) && outcome.rule).toBe('mast-request.response-outstanding');
  });

  it('records nothing on the request when the panel refuses', () => {
    const outcome = decideAtPanel(calendar, panel, replay(mastRequestDecider(calendar), deferred), {
      ...accept,
      quorum: { minMembers: 3, minAgencies: 2 },
    });
    expect(isDomainError(outcome) && outcome.rule).toBe('mast-panel.quorum-not-met');
  });
});
