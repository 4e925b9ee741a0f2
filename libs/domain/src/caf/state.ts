import type { IsoDate } from '../shared';
import type { Practitioner } from '../multi-agency';
import type { NamedPractitioner } from './events';
import type { ActionStatus, CafDomain, CafElement } from './vocabulary';

export interface ContributionSummary {
  readonly domain: CafDomain;
  readonly element: CafElement;
  readonly contributor: Practitioner;
  readonly supersededBy?: string;
}

export type CafState =
  | { readonly status: 'none' }
  | {
      /** assessing: contributions welcome; completed: the plan and reviews; closed: read only. */
      readonly status: 'assessing' | 'completed' | 'closed';
      readonly cafId: string;
      readonly childId: string;
      readonly startedOn: IsoDate;
      readonly contributions: Readonly<Record<string, ContributionSummary>>;
      readonly viewsIds: readonly string[];
      readonly meetingIds: readonly string[];
      readonly leadProfessional?: NamedPractitioner;
      readonly actions: Readonly<Record<string, ActionStatus>>;
      readonly reviewIds: readonly string[];
    };

export type StartedCaf = Exclude<CafState, { status: 'none' }>;
