import type { IsoDate } from '../shared';
import type { FamilyMemberKind } from './events';

export interface FamilyLink {
  readonly linkId: string;
  readonly userId: string;
  readonly kind: FamilyMemberKind;
  readonly linkedOn: IsoDate;
  readonly unlinkedOn?: IsoDate;
}

export interface FamilyState {
  readonly links: readonly FamilyLink[];
}

export const emptyFamilyState: FamilyState = { links: [] };

export const liveLinks = (state: FamilyState): FamilyLink[] =>
  state.links.filter((link) => link.unlinkedOn === undefined);
