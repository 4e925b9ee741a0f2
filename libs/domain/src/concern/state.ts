import type { IsoDate } from '../multi-agency';
import type { ConcernClock, DslOutcome } from './events';

export interface ClockState {
  readonly clock: ConcernClock;
  readonly startedOn: IsoDate;
  readonly dueBy: IsoDate;
  readonly owner: string;
  readonly metOn?: IsoDate;
  readonly breachReason?: string;
}

export type ConcernState =
  | { readonly status: 'none' }
  | {
      readonly status: 'raised' | 'reviewed' | 'referred' | 'decided' | 'assessing' | 'strategy' | 'plan' | 'closed';
      readonly concernId: string;
      readonly childId: string;
      readonly outcome?: DslOutcome;
      readonly clocks: readonly ClockState[];
    };
