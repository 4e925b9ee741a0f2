import type { MastRequestCommand } from '@app/domain/mast-request/commands';

/** A step on a MAST request after the panel, as `POST /mast-requests/:requestId/:step`. */
export interface MastRequestStep {
  readonly command: MastRequestCommand['type'];
  /** The day the body says the act happened: it cannot be later than today. */
  readonly dayField?: string;
  /** The platform supplies today (a breach is recorded as of today). */
  readonly today?: boolean;
}

export const MAST_REQUEST_STEPS: Readonly<Record<string, MastRequestStep>> = {
  'response-sent': { command: 'SendResponseToSchool', dayField: 'sentOn' },
  'first-contact': { command: 'MakeFirstContact', dayField: 'contactOn' },
  breaches: { command: 'RecordDeadlineBreach', today: true },
  ending: { command: 'EndMastInvolvement', dayField: 'endedOn' },
};
