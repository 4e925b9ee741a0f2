import type { DomainEvent, EventSchema, IsoDate, IsoInstant } from '../shared';
import type { Practitioner } from '../multi-agency';
import { type LevelOfNeed, type MastDecision, mastDecision } from '../mast-request/events';
import { namedPractitioner, practitioner } from '../multi-agency';
import { boolean, date, instant, integer, list, optional, record, text } from '../shared/payload-shape';

/** A request that has reached MAST, as the caller found it when building the agenda. */
export interface AgendaCandidate {
  readonly requestId: string;
  readonly childId: string;
  readonly schoolId: string;
  readonly levelOfNeed: LevelOfNeed;
  /** When the request (or, after a deferral, the information asked for) reached MAST. */
  readonly receivedAt: IsoInstant;
  /** Deferred by an earlier panel and coming back. */
  readonly returning?: boolean;
}

export type AgendaItem = AgendaCandidate;

/** At least `minMembers` panel members from at least `minAgencies` agencies take part in each decision. */
export interface QuorumPolicy {
  readonly minMembers: number;
  readonly minAgencies: number;
}

export type PanelMember = Practitioner & { readonly name?: string };

export type PanelScheduled = DomainEvent<'PanelScheduled', { panelDate: IsoDate; scheduledBy: Practitioner }>;

export type PanelAgendaSet = DomainEvent<
  'PanelAgendaSet',
  {
    panelDate: IsoDate;
    cutOff: IsoInstant;
    items: AgendaItem[];
    /** Received after the cut-off: they wait for the next panel. */
    heldOver: string[];
    setBy: Practitioner;
  }
>;

export type PanelMemberAttended = DomainEvent<'PanelMemberAttended', { panelDate: IsoDate; member: PanelMember }>;
export type PanelMemberLeft = DomainEvent<'PanelMemberLeft', { panelDate: IsoDate; memberId: string }>;

export type ConflictOfInterestDeclared = DomainEvent<
  'ConflictOfInterestDeclared',
  { panelDate: IsoDate; requestId: string; childId: string; memberId: string; nature: string }
>;

export type PanelDecisionRecorded = DomainEvent<
  'PanelDecisionRecorded',
  {
    panelDate: IsoDate;
    requestId: string;
    childId: string;
    decision: MastDecision;
    reason: string;
    /** The members who took part: present and not conflicted on this request. */
    participants: PanelMember[];
    /** Present but took no part, having declared a conflict of interest. */
    conflicted: string[];
    quorum: QuorumPolicy;
  }
>;

/**
 * The meeting's general minutes. A panel stream is about many children, so the minutes
 * carry no child's personal data: what was said about one child is in that decision's
 * reason, sealed with the child's key.
 */
export type PanelMinutesRecorded = DomainEvent<
  'PanelMinutesRecorded',
  { panelDate: IsoDate; minutes: string; recordedBy: Practitioner }
>;

export type PanelClosed = DomainEvent<
  'PanelClosed',
  { panelDate: IsoDate; decided: string[]; carriedOver: string[]; closedBy: Practitioner }
>;

export type MastPanelEvent =
  | PanelScheduled
  | PanelAgendaSet
  | PanelMemberAttended
  | PanelMemberLeft
  | ConflictOfInterestDeclared
  | PanelDecisionRecorded
  | PanelMinutesRecorded
  | PanelClosed;

export const mastPanelEventSchemas: EventSchema[] = [
  {
    type: 'PanelScheduled',
    schemaVersion: 1,
    personalFields: [],
    payload: { panelDate: date, scheduledBy: practitioner },
  },
  {
    type: 'PanelAgendaSet',
    schemaVersion: 1,
    personalFields: [],
    payload: {
      panelDate: date,
      cutOff: instant,
      items: list(
        record({
          requestId: text,
          childId: text,
          schoolId: text,
          levelOfNeed: integer,
          receivedAt: instant,
          returning: optional(boolean),
        }),
      ),
      heldOver: list(text),
      setBy: practitioner,
    },
  },
  {
    type: 'PanelMemberAttended',
    schemaVersion: 1,
    personalFields: [],
    payload: { panelDate: date, member: namedPractitioner },
  },
  { type: 'PanelMemberLeft', schemaVersion: 1, personalFields: [], payload: { panelDate: date, memberId: text } },
  // One child's request: sealed with that child's key (the envelope names the child).
  {
    type: 'ConflictOfInterestDeclared',
    schemaVersion: 1,
    personalFields: ['nature'],
    payload: { panelDate: date, requestId: text, childId: text, memberId: text, nature: text },
  },
  {
    type: 'PanelDecisionRecorded',
    schemaVersion: 1,
    personalFields: ['reason'],
    payload: {
      panelDate: date,
      requestId: text,
      childId: text,
      decision: mastDecision,
      reason: text,
      participants: list(namedPractitioner),
      conflicted: list(text),
      quorum: record({ minMembers: integer, minAgencies: integer }),
    },
  },
  {
    type: 'PanelMinutesRecorded',
    schemaVersion: 1,
    personalFields: [],
    payload: { panelDate: date, minutes: text, recordedBy: practitioner },
  },
  {
    type: 'PanelClosed',
    schemaVersion: 1,
    personalFields: [],
    payload: { panelDate: date, decided: list(text), carriedOver: list(text), closedBy: practitioner },
  },
];

export const mastPanelStream = (panelDate: IsoDate): string => `mast-panel-${panelDate}`;
