import type { SchoolMoveCommand } from '@app/domain';
import { bodyShape, day, optional, text } from '../http/body-shape';
import type { WithBody } from '../http/steps';

/** The leaving school records where the child goes, the day they start there and why. The file's records are the platform's to find. */
export class RecordSchoolMoveBody extends bodyShape({ toSchoolId: text(100), startsOn: day(), reason: text(2000) }) {}

export class ChildProtectionFileSentBody extends bodyShape({ sentOn: day(), lateReason: optional(text()) }) {}

export class ChildProtectionFileReceivedBody extends bodyShape({ receivedOn: day(), lateReason: optional(text()) }) {}

/** A step on a school move, as `POST /school-moves/:moveId/:step`. */
export interface SchoolMoveStep extends WithBody {
  readonly command: Exclude<SchoolMoveCommand['type'], 'RecordSchoolMove'>;
  /** The day the body says it happened: not later than today. */
  readonly dayField: string;
}

export const SCHOOL_MOVE_STEPS: Readonly<Record<string, SchoolMoveStep>> = {
  'child-protection-file-sent': {
    command: 'SendChildProtectionFile',
    body: ChildProtectionFileSentBody,
    dayField: 'sentOn',
  },
  'child-protection-file-received': {
    command: 'ConfirmChildProtectionFileReceipt',
    body: ChildProtectionFileReceivedBody,
    dayField: 'receivedOn',
  },
};
