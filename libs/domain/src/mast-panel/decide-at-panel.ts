import { type DomainError, isDomainError } from '../shared';
import type { WorkingDayCalendar } from '../multi-agency';
import { mastRequestDecider } from '../mast-request/decider';
import type { MastRequestEvent } from '../mast-request/events';
import type { MastRequestState } from '../mast-request/state';
import type { RecordPanelDecision } from './commands';
import { mastPanelDecider } from './decider';
import type { MastPanelEvent } from './events';
import type { MastPanelState } from './state';

export interface DecidedAtPanel {
  /** For `mast-panel-{date}`: the decision as made in the meeting. */
  readonly panel: MastPanelEvent[];
  /** For `mast-request-{id}`: the decision on the request, with its deadlines. */
  readonly request: MastRequestEvent[];
}

/**
 * A panel decision touches two streams. Both deciders are asked before anything is
 * written, so a decision the request refuses (say, the school still awaits the last
 * response) leaves no half-recorded decision in the meeting.
 */
export function decideAtPanel(
  calendar: WorkingDayCalendar,
  panel: MastPanelState,
  request: MastRequestState,
  command: RecordPanelDecision,
): DecidedAtPanel | DomainError {
  const panelEvents = mastPanelDecider.decide(command, panel);
  if (isDomainError(panelEvents)) return panelEvents;
  if (panel.status === 'none') return { panel: panelEvents, request: [] };
  const requestEvents = mastRequestDecider(calendar).decide(
    {
      type: 'DecideMastRequest',
      requestId: command.requestId,
      panelDate: panel.panelDate,
      decision: command.decision,
      reason: command.reason,
    },
    request,
  );
  if (isDomainError(requestEvents)) return requestEvents;
  return { panel: panelEvents, request: requestEvents };
}
