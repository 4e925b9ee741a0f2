import type { Actor, IsoDate, IsoInstant } from '../shared';

export interface RecordSchoolMove {
  readonly type: 'RecordSchoolMove';
  readonly childId: string;
  readonly moveId: string;
  readonly toSchoolId: string;
  readonly startsOn: IsoDate;
  readonly reason: string;
  /** The records of the leaving school's child-protection file, as the platform found them. */
  readonly childProtectionRecords: readonly string[];
  readonly by: Actor;
  readonly at: IsoInstant;
}

export interface SendChildProtectionFile {
  readonly type: 'SendChildProtectionFile';
  readonly moveId: string;
  readonly sentOn: IsoDate;
  readonly lateReason?: string;
  readonly by: Actor;
  readonly at: IsoInstant;
}

export interface ConfirmChildProtectionFileReceipt {
  readonly type: 'ConfirmChildProtectionFileReceipt';
  readonly moveId: string;
  readonly receivedOn: IsoDate;
  readonly lateReason?: string;
  readonly by: Actor;
}

export type SchoolMoveCommand = RecordSchoolMove | SendChildProtectionFile | ConfirmChildProtectionFileReceipt;
