import type { ChildDetails } from './events';

export interface RegisterChild {
  readonly type: 'RegisterChild';
  readonly childId: string;
  readonly details: ChildDetails;
}

export interface CorrectChildDetails {
  readonly type: 'CorrectChildDetails';
  readonly childId: string;
  readonly changes: Partial<ChildDetails>;
  readonly reason: string;
}

export type ChildCommand = RegisterChild | CorrectChildDetails;
