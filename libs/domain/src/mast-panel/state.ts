import type { IsoDate, IsoInstant } from '../shared';
import type { MastOutcome } from '../mast-request/events';
import type { AgendaItem, PanelMember } from './events';

export type MastPanelState =
  | { readonly status: 'none' }
  | {
      readonly status: 'scheduled' | 'closed';
      readonly panelDate: IsoDate;
      readonly agenda?: { readonly cutOff: IsoInstant; readonly items: readonly AgendaItem[] };
      /** Members in the room now, by user id. */
      readonly present: Readonly<Record<string, PanelMember>>;
      /** Per request, the members who declared a conflict of interest. */
      readonly conflicts: Readonly<Record<string, readonly string[]>>;
      readonly decided: Readonly<Record<string, MastOutcome>>;
      readonly minutesRecorded: boolean;
    };
