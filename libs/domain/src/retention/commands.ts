import type { IsoDate, IsoInstant } from '../shared/calendar';
import type { Practitioner } from '../multi-agency';
import type { ErasureRecipient, RetainedRecord } from './events';
import type { ErasureExemption, ErasureGround, ErasureOutcome, ErasureRequester } from './vocabulary';

/** The daily job: every record of the child has reached the end of its period on `today`. */
export interface ListForReview {
  readonly type: 'ListForReview';
  readonly childId: string;
  readonly reviewId: string;
  readonly records: readonly RetainedRecord[];
  readonly today: IsoDate;
}

interface ByTheDpo {
  readonly childId: string;
  readonly by: Practitioner;
  readonly at: IsoInstant;
}

export interface DisposeOfRecord extends ByTheDpo {
  readonly type: 'DisposeOfRecord';
}

export interface KeepRecord extends ByTheDpo {
  readonly type: 'KeepRecord';
  readonly keepUntil: IsoDate;
  readonly reason: string;
}

export interface PlaceLegalHold extends ByTheDpo {
  readonly type: 'PlaceLegalHold';
  readonly holdId: string;
  readonly reason: string;
}

export interface LiftLegalHold extends ByTheDpo {
  readonly type: 'LiftLegalHold';
  readonly holdId: string;
  readonly reason: string;
}

export interface RequestErasure extends ByTheDpo {
  readonly type: 'RequestErasure';
  readonly requestId: string;
  readonly requester: { readonly kind: ErasureRequester; readonly name: string };
  readonly receivedOn: IsoDate;
}

export interface DecideErasure extends ByTheDpo {
  readonly type: 'DecideErasure';
  readonly requestId: string;
  readonly outcome: ErasureOutcome;
  readonly ground?: ErasureGround;
  readonly exemption?: ErasureExemption;
  readonly reasons: string;
  /** Every agency the child's information went to (from the disclosure ledger): each is told. */
  readonly recipients: readonly ErasureRecipient[];
}

export type RetentionCommand =
  ListForReview | DisposeOfRecord | KeepRecord | PlaceLegalHold | LiftLegalHold | RequestErasure | DecideErasure;
