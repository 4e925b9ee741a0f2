import type { Actor, IsoDate, IsoInstant } from '../shared';
import { categoriesOfRecord } from '../sharing/field-catalogue';
import type { ConsentCoverage } from '../multi-agency';
import type { LevelOfNeed, MastDeadline, MastDecision, ParentInvolved } from './events';

export interface MakeMastRequest {
  readonly type: 'MakeMastRequest';
  readonly requestId: string;
  readonly childId: string;
  readonly by: Actor;
  readonly parentsInvolved: readonly ParentInvolved[];
  readonly needs: string;
  readonly alreadyTried: string;
  readonly levelOfNeed: LevelOfNeed;
  /** The consent context's answer for 'mast-involvement' with 'mast', asked by the caller. */
  readonly consent: ConsentCoverage;
  readonly receivedAt: IsoInstant;
}

export interface ListMastRequest {
  readonly type: 'ListMastRequest';
  readonly requestId: string;
  readonly panelDate: IsoDate;
  readonly by: Actor;
}

/** The panel's decision, already accepted by the panel stream (quorum, conflicts), recorded on the request. */
export interface DecideMastRequest {
  readonly type: 'DecideMastRequest';
  readonly requestId: string;
  readonly panelDate: IsoDate;
  readonly decision: MastDecision;
  readonly reason: string;
}

export interface SendResponseToSchool {
  readonly type: 'SendResponseToSchool';
  readonly requestId: string;
  readonly sentOn: IsoDate;
  readonly by: Actor;
  /** Required when sent after its due day, unless the breach was already recorded. */
  readonly breachReason?: string;
}

export interface MakeFirstContact {
  readonly type: 'MakeFirstContact';
  readonly requestId: string;
  readonly contactOn: IsoDate;
  readonly by: Actor;
  readonly breachReason?: string;
}

/** A deadline that has passed without the act: the breach and its reason go on record now. */
export interface RecordDeadlineBreach {
  readonly type: 'RecordDeadlineBreach';
  readonly requestId: string;
  readonly deadline: MastDeadline;
  readonly today: IsoDate;
  readonly reason: string;
}

export interface EndMastInvolvement {
  readonly type: 'EndMastInvolvement';
  readonly requestId: string;
  readonly endedOn: IsoDate;
  readonly reason: string;
}

export type MastRequestCommand =
  | MakeMastRequest
  | ListMastRequest
  | DecideMastRequest
  | SendResponseToSchool
  | MakeFirstContact
  | RecordDeadlineBreach
  | EndMastInvolvement;

/**
 * 001: a request shares the child's schooling and family circumstances with MAST. What it
 * carries is read from the platform's field catalogue, so consent is asked for what the
 * request's fields are, not for a list kept beside them.
 */
export const MAST_REQUEST_CATEGORIES = categoriesOfRecord('mast-request');
