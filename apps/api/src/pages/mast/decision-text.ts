import type { MastDecision } from '@app/domain';
import type { Names } from './mast-names';

/** A panel decision as the minutes would put it. */
export function decisionText(decision: MastDecision | null, names: Names): string {
  if (!decision) return 'Not yet decided';
  switch (decision.outcome) {
    case 'accept-allocate':
      // A key worker is the usual allocation; a family learning mentor is said.
      return `Accepted: allocated to ${names.user(decision.allocation.workerId)}${decision.allocation.kind === 'family-learning-mentor' ? ' as family learning mentor' : ''}`;
    case 'accept-for-service':
      return `Accepted for a service: ${decision.service}`;
    case 'signpost':
      return `Signposted to ${decision.signpostTo}`;
    case 'decline':
      return 'Declined';
    case 'defer':
      return `Deferred: the panel needs ${decision.informationNeeded}`;
  }
}

/** A short reference for a request: enough to tell the requests on one agenda apart, and to find it again. */
export const requestRef = (requestId: string): string => requestId.slice(0, 8).toUpperCase();
