import type { Actor, IsoDate, IsoInstant } from '../shared';
import type { DisclosureChannel } from '../sharing/vocabulary';
import type { ExemptionApplied, IdentityCheck, Requester, SentPack } from './events';
import type { RequestKind } from './vocabulary';

export interface RecordSubjectAccessRequest {
  readonly type: 'RecordSubjectAccessRequest';
  readonly requestId: string;
  readonly childId: string;
  readonly kind: RequestKind;
  readonly requester: Requester;
  readonly identityCheck: IdentityCheck;
  /** The day the request (with what was needed to check identity) arrived: the clock starts on it. */
  readonly receivedOn: IsoDate;
  /** The child's school, read by the platform: its calendar counts the school days. */
  readonly schoolId: string;
  readonly by: Actor;
  readonly at: IsoInstant;
}

export interface ExtendSubjectAccessRequest {
  readonly type: 'ExtendSubjectAccessRequest';
  readonly months: number;
  readonly reason: string;
  readonly requesterToldOn: IsoDate;
  readonly by: Actor;
  readonly at: IsoInstant;
}

/** The pack is built by the platform from the family's copy of the subject-access report; the caller names only how it goes. */
export interface ReleaseSubjectAccessResponse {
  readonly type: 'ReleaseSubjectAccessResponse';
  readonly disclosureId: string;
  readonly channel: DisclosureChannel;
  readonly pack: {
    readonly report: object;
    readonly sent: SentPack;
    readonly exemptionsApplied: readonly ExemptionApplied[];
  };
  readonly lateReason?: string;
  readonly by: Actor;
  readonly at: IsoInstant;
}

export type SubjectAccessCommand =
  RecordSubjectAccessRequest | ExtendSubjectAccessRequest | ReleaseSubjectAccessResponse;
