import {
  type Actor,
  type Decider,
  DomainError,
  dayOf,
  firstError,
  type IsoDate,
  isIsoInstant,
  requireDate,
  requireText,
} from '../shared';
import { isFamily, practitionerOf, weekdayOf } from '../multi-agency';
import { invalidDecision } from '../mast-request/decider';
import type { MastPanelCommand } from './commands';
import type { MastPanelEvent, PanelMember, QuorumPolicy } from './events';
import type { MastPanelState } from './state';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const mastOnly = (actor: Actor, act: string) =>
  actor.agencyId === 'mast' ? undefined : new DomainError('mast-panel.mast-only', `Only MAST may ${act}`, 'forbidden');

const describeQuorum = (q: QuorumPolicy) =>
  `at least ${q.minMembers} member${q.minMembers === 1 ? '' : 's'} from at least ${q.minAgencies} agenc${q.minAgencies === 1 ? 'y' : 'ies'}`;

/** Who may take part in a request's decision: in the room and not conflicted on it. */
export const participantsFor = (
  present: Readonly<Record<string, PanelMember>>,
  conflicted: readonly string[],
): PanelMember[] => Object.values(present).filter((m) => !conflicted.includes(m.userId));

/** Attendance and decisions are what happened in the meeting: none before the panel's day. */
function meetingHeld(panelDate: IsoDate, today: IsoDate): DomainError | undefined {
  const invalid = requireDate(today, 'today', 'mast-panel.today');
  if (invalid) return invalid;
  return today < panelDate
    ? new DomainError(
        'mast-panel.not-yet-met',
        `The panel meets on ${panelDate}; what happens in it is recorded from that day (today is ${today})`,
      )
    : undefined;
}

type OpenPanel = Exclude<MastPanelState, { status: 'none' }>;

function schedulePanel(
  command: Extract<MastPanelCommand, { type: 'SchedulePanel' }>,
  state: MastPanelState,
): MastPanelEvent[] | DomainError {
  const refused = firstError(
    mastOnly(command.by, 'schedule its panel'),
    requireDate(command.panelDate, 'panelDate', 'mast-panel.panel-date'),
  );
  if (refused) return refused;
  if (state.status !== 'none')
    return new DomainError('mast-panel.already-scheduled', `A panel is already scheduled for ${command.panelDate}`);
  if (!Number.isInteger(command.panelWeekday) || command.panelWeekday < 0 || command.panelWeekday > 6) {
    return new DomainError(
      'mast-panel.weekday-config',
      'The configured panel weekday is 0 (Sunday) to 6 (Saturday)',
      'invalid',
      'panelWeekday',
    );
  }
  if (weekdayOf(command.panelDate) !== command.panelWeekday) {
    return new DomainError(
      'mast-panel.not-panel-weekday',
      `The panel meets on ${WEEKDAYS[command.panelWeekday]}s; ${command.panelDate} is a ${WEEKDAYS[weekdayOf(command.panelDate)]}`,
      'invalid',
      'panelDate',
    );
  }
  return [{ type: 'PanelScheduled', data: { panelDate: command.panelDate, scheduledBy: practitionerOf(command.by) } }];
}

function setPanelAgenda(
  command: Extract<MastPanelCommand, { type: 'SetPanelAgenda' }>,
  state: OpenPanel,
): MastPanelEvent[] | DomainError {
  const { panelDate } = state;
  const refused = mastOnly(command.by, 'set the panel agenda');
  if (refused) return refused;
  if (!isIsoInstant(command.cutOff))
    return new DomainError('mast-panel.cut-off', 'The cut-off is an instant (ISO-8601)', 'invalid', 'cutOff');
  if (dayOf(command.cutOff) > panelDate)
    return new DomainError('mast-panel.cut-off-after-panel', 'The cut-off comes before the panel', 'invalid', 'cutOff');
  if (Object.keys(state.decided).length > 0)
    return new DomainError('mast-panel.agenda-in-use', 'The agenda cannot change once decisions are recorded');
  const seen = new Set<string>();
  const candidates = (command.candidates ?? []).filter((c) => !seen.has(c.requestId) && seen.add(c.requestId));
  const before = (c: { receivedAt: string }) => Date.parse(c.receivedAt) < Date.parse(command.cutOff);
  const items = candidates
    .filter(before)
    .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || a.requestId.localeCompare(b.requestId));
  return [
    {
      type: 'PanelAgendaSet',
      data: {
        panelDate,
        cutOff: command.cutOff,
        items: items.map((c) => ({ ...c })),
        heldOver: candidates.filter((c) => !before(c)).map((c) => c.requestId),
        setBy: practitionerOf(command.by),
      },
    },
  ];
}

function recordAttendance(
  command: Extract<MastPanelCommand, { type: 'RecordAttendance' }>,
  state: OpenPanel,
): MastPanelEvent[] | DomainError {
  const { panelDate } = state;
  const notYet = meetingHeld(panelDate, command.today);
  if (notYet) return notYet;
  const m = command.member;
  const invalid = firstError(
    requireText(m?.userId, 'member.userId', 'mast-panel.member-required'),
    requireText(m?.agencyId, 'member.agencyId', 'mast-panel.member-agency-required'),
  );
  if (invalid) return invalid;
  if (isFamily(m as Actor))
    return new DomainError(
      'mast-panel.members-only',
      'Panel attendance is of professional members',
      'invalid',
      'member.role',
    );
  if (state.present[m.userId])
    return new DomainError('mast-panel.already-present', `${m.userId} is already recorded as present`);
  const member: PanelMember = {
    userId: m.userId,
    role: m.role,
    agencyId: m.agencyId,
    ...(m.name ? { name: m.name } : {}),
  };
  return [{ type: 'PanelMemberAttended', data: { panelDate, member } }];
}

function recordDeparture(
  command: Extract<MastPanelCommand, { type: 'RecordDeparture' }>,
  state: OpenPanel,
): MastPanelEvent[] | DomainError {
  const { panelDate } = state;
  if (!state.present[command.memberId])
    return new DomainError('mast-panel.not-present', `${command.memberId} is not recorded as present`);
  return [{ type: 'PanelMemberLeft', data: { panelDate, memberId: command.memberId } }];
}

function declareConflictOfInterest(
  command: Extract<MastPanelCommand, { type: 'DeclareConflictOfInterest' }>,
  state: OpenPanel,
): MastPanelEvent[] | DomainError {
  const { panelDate } = state;
  const item = state.agenda?.items.find((i) => i.requestId === command.requestId);
  if (!item)
    return new DomainError('mast-panel.not-on-agenda', `Request ${command.requestId} is not on this panel's agenda`);
  if (!state.present[command.memberId])
    return new DomainError('mast-panel.not-present', `${command.memberId} is not recorded as present`);
  const invalid = requireText(command.nature, 'nature', 'mast-panel.conflict-nature-required');
  if (invalid) return invalid;
  if (state.decided[command.requestId])
    return new DomainError(
      'mast-panel.already-decided',
      `Request ${command.requestId} is already decided at this panel`,
    );
  if ((state.conflicts[command.requestId] ?? []).includes(command.memberId)) {
    return new DomainError(
      'mast-panel.conflict-already-declared',
      `${command.memberId} has already declared a conflict on this request`,
    );
  }
  return [
    {
      type: 'ConflictOfInterestDeclared',
      data: {
        panelDate,
        requestId: command.requestId,
        childId: item.childId,
        memberId: command.memberId,
        nature: command.nature,
      },
    },
  ];
}

function recordPanelDecision(
  command: Extract<MastPanelCommand, { type: 'RecordPanelDecision' }>,
  state: OpenPanel,
): MastPanelEvent[] | DomainError {
  const { panelDate } = state;
  const notYet = meetingHeld(panelDate, command.today);
  if (notYet) return notYet;
  const item = state.agenda?.items.find((i) => i.requestId === command.requestId);
  if (!item)
    return new DomainError('mast-panel.not-on-agenda', `Request ${command.requestId} is not on this panel's agenda`);
  if (state.decided[command.requestId])
    return new DomainError(
      'mast-panel.already-decided',
      `Request ${command.requestId} is already decided at this panel`,
    );
  const invalid = firstError(
    invalidDecision(command.decision),
    requireText(command.reason, 'reason', 'mast-panel.reason-required'),
  );
  if (invalid) return invalid;
  const q = command.quorum;
  if (
    !q ||
    !Number.isInteger(q.minMembers) ||
    !Number.isInteger(q.minAgencies) ||
    q.minMembers < 1 ||
    q.minAgencies < 1 ||
    q.minAgencies > q.minMembers
  ) {
    return new DomainError(
      'mast-panel.quorum-config',
      'The quorum rule needs whole numbers: members ≥ agencies ≥ 1',
      'invalid',
      'quorum',
    );
  }
  const conflicted = (state.conflicts[command.requestId] ?? []).filter((id) => state.present[id]);
  const participants = participantsFor(state.present, conflicted);
  const agencies = new Set(participants.map((p) => p.agencyId)).size;
  if (participants.length < q.minMembers || agencies < q.minAgencies) {
    return new DomainError(
      'mast-panel.quorum-not-met',
      `No decision without a quorum: ${describeQuorum(q)} must take part; ${participants.length} member${participants.length === 1 ? '' : 's'} from ${agencies} agenc${agencies === 1 ? 'y' : 'ies'} can (present and not conflicted)`,
    );
  }
  return [
    {
      type: 'PanelDecisionRecorded',
      data: {
        panelDate,
        requestId: command.requestId,
        childId: item.childId,
        decision: command.decision,
        reason: command.reason,
        participants,
        conflicted,
        quorum: { minMembers: q.minMembers, minAgencies: q.minAgencies },
      },
    },
  ];
}

function recordMinutes(
  command: Extract<MastPanelCommand, { type: 'RecordMinutes' }>,
  state: OpenPanel,
): MastPanelEvent[] | DomainError {
  const { panelDate } = state;
  const refused = firstError(
    mastOnly(command.by, 'record the panel minutes'),
    requireText(command.minutes, 'minutes', 'mast-panel.minutes-required'),
  );
  if (refused) return refused;
  return [
    {
      type: 'PanelMinutesRecorded',
      data: { panelDate, minutes: command.minutes, recordedBy: practitionerOf(command.by) },
    },
  ];
}

function closePanel(
  command: Extract<MastPanelCommand, { type: 'ClosePanel' }>,
  state: OpenPanel,
): MastPanelEvent[] | DomainError {
  const { panelDate } = state;
  const refused = mastOnly(command.by, 'close the panel');
  if (refused) return refused;
  if (!state.minutesRecorded)
    return new DomainError('mast-panel.minutes-required', 'The panel closes once its minutes are recorded');
  const items = state.agenda?.items ?? [];
  return [
    {
      type: 'PanelClosed',
      data: {
        panelDate,
        decided: items.filter((i) => state.decided[i.requestId]).map((i) => i.requestId),
        carriedOver: items.filter((i) => !state.decided[i.requestId]).map((i) => i.requestId),
        closedBy: practitionerOf(command.by),
      },
    },
  ];
}

/**
 * The weekly MAST panel (001: "The MAST panel meet on a weekly basis to look at these
 * requests for involvement"): scheduled on the configured weekday, an agenda of the
 * requests received before the cut-off, attendance by agency, conflict-of-interest
 * declarations, and decisions that stand only with a quorum of those taking part.
 */
export const mastPanelDecider: Decider<MastPanelCommand, MastPanelEvent, MastPanelState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (command.type === 'SchedulePanel') return schedulePanel(command, state);

    if (state.status === 'none')
      return new DomainError('mast-panel.not-scheduled', 'No panel is scheduled for that day');
    if (state.status === 'closed')
      return new DomainError('mast-panel.closed', `The panel of ${state.panelDate} is closed`);

    switch (command.type) {
      case 'SetPanelAgenda':
        return setPanelAgenda(command, state);
      case 'RecordAttendance':
        return recordAttendance(command, state);
      case 'RecordDeparture':
        return recordDeparture(command, state);
      case 'DeclareConflictOfInterest':
        return declareConflictOfInterest(command, state);
      case 'RecordPanelDecision':
        return recordPanelDecision(command, state);
      case 'RecordMinutes':
        return recordMinutes(command, state);
      case 'ClosePanel':
        return closePanel(command, state);
    }
  },

  evolve(state, event) {
    if (event.type === 'PanelScheduled') {
      return {
        status: 'scheduled',
        panelDate: event.data.panelDate,
        present: {},
        conflicts: {},
        decided: {},
        minutesRecorded: false,
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'PanelAgendaSet':
        return { ...state, agenda: { cutOff: event.data.cutOff, items: event.data.items } };
      case 'PanelMemberAttended':
        return { ...state, present: { ...state.present, [event.data.member.userId]: event.data.member } };
      case 'PanelMemberLeft': {
        const { [event.data.memberId]: _gone, ...present } = state.present;
        return { ...state, present };
      }
      case 'ConflictOfInterestDeclared': {
        const { requestId, memberId } = event.data;
        return {
          ...state,
          conflicts: { ...state.conflicts, [requestId]: [...(state.conflicts[requestId] ?? []), memberId] },
        };
      }
      case 'PanelDecisionRecorded':
        return { ...state, decided: { ...state.decided, [event.data.requestId]: event.data.decision.outcome } };
      case 'PanelMinutesRecorded':
        return { ...state, minutesRecorded: true };
      case 'PanelClosed':
        return { ...state, status: 'closed' };
    }
  },
};
