import type { IsoDate } from '../shared';
import type { Requester } from './events';
import type { RequestKind } from './vocabulary';

export type SubjectAccessState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open' | 'answered';
      readonly requestId: string;
      readonly childId: string;
      readonly kind: RequestKind;
      readonly requester: Requester;
      readonly receivedOn: IsoDate;
      /** One month (or 15 school days) from receipt: an extension is told to the requester by this day. */
      readonly firstDueBy: IsoDate;
      readonly dueBy: IsoDate;
      readonly extended: boolean;
    };
