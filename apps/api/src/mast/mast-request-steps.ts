import type { MastRequestCommand } from '@app/domain';
import type { WithBody } from '../http/steps';
import * as bodies from './mast-bodies';

/** A step on a MAST request after the panel, as `POST /mast-requests/:requestId/:step`. */
export interface MastRequestStep extends WithBody {
  readonly command: MastRequestCommand['type'];
  /** The day the body says the act happened: it cannot be later than today. */
  readonly dayField?: string;
  /** The platform supplies today (a breach is recorded as of today). */
  readonly today?: boolean;
}

export const MAST_REQUEST_STEPS: Readonly<Record<string, MastRequestStep>> = {
  'response-sent': { command: 'SendResponseToSchool', body: bodies.ResponseSentBody, dayField: 'sentOn' },
  'first-contact': { command: 'MakeFirstContact', body: bodies.FirstContactBody, dayField: 'contactOn' },
  breaches: { command: 'RecordDeadlineBreach', body: bodies.BreachBody, today: true },
  ending: { command: 'EndMastInvolvement', body: bodies.MastEndingBody, dayField: 'endedOn' },
};
