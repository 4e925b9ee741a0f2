import type { IsoDate } from '../shared';

/** One move as the decider needs it: who sends, who receives, and where the file's clocks stand. */
export interface Move {
  readonly moveId: string;
  readonly fromSchoolId: string;
  readonly toSchoolId: string;
  readonly startsOn: IsoDate;
  readonly recordedOn: IsoDate;
  readonly file?: {
    readonly records: readonly string[];
    readonly transferDueBy: IsoDate;
    readonly sentOn?: IsoDate;
    readonly receiptDueBy?: IsoDate;
    readonly receivedOn?: IsoDate;
  };
}

export type SchoolMoveState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly childId: string;
      readonly schoolId: string;
      readonly moves: readonly Move[];
    };
