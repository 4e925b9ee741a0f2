import type { IsoDate } from '../shared';
import type { TransferBreach } from './events';

/** `waiting`: the receipt clock starts only when the file is sent. */
export type TransferClockState = 'waiting' | 'due' | 'overdue' | 'met' | 'breached';

export interface TransferClock {
  readonly dueBy: IsoDate | null;
  readonly metOn: IsoDate | null;
  readonly breach: TransferBreach | null;
}

/** Where a clock of the file stands on the day asked: an act not yet done past its day is overdue, a late one breached. */
export function transferClockState(clock: TransferClock, today: IsoDate): TransferClockState {
  if (clock.dueBy === null) return 'waiting';
  if (clock.metOn !== null) return clock.breach ? 'breached' : 'met';
  return today > clock.dueBy ? 'overdue' : 'due';
}

/** A breach both DSLs see: a clock that was missed, whether its act came late or has not come at all. */
export const inBreach = (state: TransferClockState): boolean => state === 'overdue' || state === 'breached';
