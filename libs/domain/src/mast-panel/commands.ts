import type { Actor, IsoDate, IsoInstant } from '../shared';
import type { MastDecision } from '../mast-request/events';
import type { AgendaCandidate, PanelMember, QuorumPolicy } from './events';

export interface SchedulePanel {
  readonly type: 'SchedulePanel';
  readonly panelDate: IsoDate;
  /** Configuration: the weekday the panel meets, 0 = Sunday … 6 = Saturday. */
  readonly panelWeekday: number;
  readonly by: Actor;
}

export interface SetPanelAgenda {
  readonly type: 'SetPanelAgenda';
  /** Configuration applied by the caller, e.g. noon two working days before the panel. */
  readonly cutOff: IsoInstant;
  /** Requests awaiting a panel, as the caller found them; the agenda is those received before the cut-off. */
  readonly candidates: readonly AgendaCandidate[];
  readonly by: Actor;
}

/** The platform's today: what happens in the meeting is recorded on or after the panel's day. */
interface InTheMeeting {
  readonly today: IsoDate;
}

export interface RecordAttendance extends InTheMeeting {
  readonly type: 'RecordAttendance';
  readonly member: PanelMember;
}

export interface RecordDeparture {
  readonly type: 'RecordDeparture';
  readonly memberId: string;
}

export interface DeclareConflictOfInterest {
  readonly type: 'DeclareConflictOfInterest';
  readonly requestId: string;
  readonly memberId: string;
  readonly nature: string;
}

export interface RecordPanelDecision extends InTheMeeting {
  readonly type: 'RecordPanelDecision';
  readonly requestId: string;
  readonly decision: MastDecision;
  readonly reason: string;
  /** Configuration: the quorum rule in force. */
  readonly quorum: QuorumPolicy;
}

export interface RecordMinutes {
  readonly type: 'RecordMinutes';
  readonly minutes: string;
  readonly by: Actor;
}

export interface ClosePanel {
  readonly type: 'ClosePanel';
  readonly by: Actor;
}

export type MastPanelCommand =
  | SchedulePanel
  | SetPanelAgenda
  | RecordAttendance
  | RecordDeparture
  | DeclareConflictOfInterest
  | RecordPanelDecision
  | RecordMinutes
  | ClosePanel;
