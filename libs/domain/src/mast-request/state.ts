import type { IsoDate } from '../shared';
import type { Practitioner } from '../multi-agency';
import type { MastDecision } from './events';

/** One running clock: due by a day, owned by someone, met or breached. */
export interface DeadlineClock {
  readonly dueBy: IsoDate;
  readonly owner: Practitioner;
  readonly metOn?: IsoDate;
  readonly breachRecorded: boolean;
}

export type MastRequestStatus =
  | 'received'
  | 'listed'
  | 'deferred'
  /** Accepted with a key worker or family learning mentor allocated. */
  | 'allocated'
  /** Accepted for a named service, signposted or declined: nothing more for the panel. */
  | 'decided'
  | 'ended';

export type MastRequestState =
  | { readonly status: 'none' }
  | {
      readonly status: MastRequestStatus;
      readonly requestId: string;
      readonly childId: string;
      readonly schoolId: string;
      readonly receivedOn: IsoDate;
      readonly listedFor?: IsoDate;
      readonly listedBy?: Practitioner;
      readonly decision?: MastDecision;
      readonly decidedAt?: IsoDate;
      readonly response?: DeadlineClock;
      readonly firstContact?: DeadlineClock & { readonly workerId: string };
    };

export type MadeRequest = Exclude<MastRequestState, { status: 'none' }>;
