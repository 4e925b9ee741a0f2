import type { IsoDate } from '../shared';
import type { ConcernClock, DslOutcome } from './events';

export interface ClockState {
  readonly clock: ConcernClock;
  readonly startedOn: IsoDate;
  readonly dueBy: IsoDate;
  readonly owner: string;
  readonly metOn?: IsoDate;
  readonly breachReason?: string;
}

/** The day of each act later acts follow: none may be dated before the one it follows. */
export interface ConcernActDays {
  readonly raised?: IsoDate;
  readonly referred?: IsoDate;
  readonly decided?: IsoDate;
  readonly strategy?: IsoDate;
  /** The initial conference that put the child on a plan: core groups follow it. */
  readonly plan?: IsoDate;
  /** The latest conference: a review conference follows it. */
  readonly conference?: IsoDate;
}

export type ConcernState =
  | { readonly status: 'none' }
  | {
      readonly status: 'raised' | 'reviewed' | 'referred' | 'decided' | 'assessing' | 'strategy' | 'plan' | 'closed';
      readonly concernId: string;
      readonly childId: string;
      readonly outcome?: DslOutcome;
      readonly clocks: readonly ClockState[];
      readonly on: ConcernActDays;
    };
