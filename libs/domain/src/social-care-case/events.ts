import type { DomainEvent, EventSchema, IsoDate } from '../shared';

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

export type ChildProtectionPlanStarted = DomainEvent<'ChildProtectionPlanStarted', OfTheCase & { readonly startedOn: IsoDate }>;
export type ChildProtectionPlanEnded = DomainEvent<'ChildProtectionPlanEnded', OfTheCase & { readonly endedOn: IsoDate }>;
export type SocialCareCaseClosed = DomainEvent<'SocialCareCaseClosed', OfTheCase & { readonly closedOn: IsoDate }>;

export type SocialCareCaseEvent = ChildProtectionPlanStarted | ChildProtectionPlanEnded | SocialCareCaseClosed;

export const socialCareCaseEventSchemas: EventSchema[] = [
  { type: 'ChildProtectionPlanStarted', schemaVersion: 1, personalFields: [] },
  { type: 'ChildProtectionPlanEnded', schemaVersion: 1, personalFields: [] },
  { type: 'SocialCareCaseClosed', schemaVersion: 1, personalFields: [] },
];

export const socialCareCaseStream = (caseId: string): string => `social-care-case-${caseId}`;
