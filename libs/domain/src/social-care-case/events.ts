import type { DomainEvent, EventSchema, IsoDate } from '../shared';
import { date, text } from '../shared/payload-shape';

/**
 * What children's social care tells the platform about its own case for a child
 * (inbound topic social-care-case-updates.v1). The platform does not run the case; it
 * records these facts so schools and MAST see that a child protection plan is in place.
 * The child is named by the pseudonymous reference the platform gave social care on the
 * referral (`childRef`); the category of a plan is not sent, being social care's to hold.
 */
interface OfTheCase {
  readonly caseId: string;
  readonly childRef: string;
}

export type ChildProtectionPlanStarted = DomainEvent<
  'ChildProtectionPlanStarted',
  OfTheCase & { readonly startedOn: IsoDate }
>;
export type ChildProtectionPlanEnded = DomainEvent<
  'ChildProtectionPlanEnded',
  OfTheCase & { readonly endedOn: IsoDate }
>;
export type SocialCareCaseClosed = DomainEvent<'SocialCareCaseClosed', OfTheCase & { readonly closedOn: IsoDate }>;

export type SocialCareCaseEvent = ChildProtectionPlanStarted | ChildProtectionPlanEnded | SocialCareCaseClosed;

const ofTheCase = { caseId: text, childRef: text };

export const socialCareCaseEventSchemas: EventSchema[] = [
  {
    type: 'ChildProtectionPlanStarted',
    schemaVersion: 1,
    personalFields: [],
    payload: { ...ofTheCase, startedOn: date },
  },
  { type: 'ChildProtectionPlanEnded', schemaVersion: 1, personalFields: [], payload: { ...ofTheCase, endedOn: date } },
  { type: 'SocialCareCaseClosed', schemaVersion: 1, personalFields: [], payload: { ...ofTheCase, closedOn: date } },
];

export const socialCareCaseStream = (caseId: string): string => `social-care-case-${caseId}`;
