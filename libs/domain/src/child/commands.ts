import type { IsoDate } from '../shared';
import type { ChildDetails } from './events';

export interface RegisterChild {
  readonly type: 'RegisterChild';
  readonly childId: string;
  readonly details: ChildDetails;
  /** The day it is recorded on: a date of birth is judged against it. */
  readonly today: IsoDate;
}

export interface CorrectChildDetails {
  readonly type: 'CorrectChildDetails';
  readonly childId: string;
  readonly changes: Partial<ChildDetails>;
  readonly reason: string;
  readonly today: IsoDate;
}

export type ChildCommand = RegisterChild | CorrectChildDetails;
