import { EventCatalogue, type EventSchema } from './shared/event-schema';
import { childEventSchemas } from './child/events';
import { consentEventSchemas } from './consent/events';
import { referralEventSchemas } from './referral/events';
import { mastRequestEventSchemas } from './mast-request/events';
import { mastPanelEventSchemas } from './mast-panel/events';
import { cafEventSchemas } from './caf/events';
import { socialCareCaseEventSchemas } from './social-care-case/events';
import { sharingEventSchemas } from './sharing/events';
import { concernEventSchemas } from './concern/events';
import { schoolMoveEventSchemas } from './school-move/events';
import { subjectAccessEventSchemas } from './subject-access/events';
import { familyEventSchemas } from './family/events';

/** Every event type the platform stores, one line per aggregate. */
export const eventSchemas: readonly EventSchema[] = [
  ...childEventSchemas,
  ...consentEventSchemas,
  ...referralEventSchemas,
  ...mastRequestEventSchemas,
  ...mastPanelEventSchemas,
  ...cafEventSchemas,
  ...socialCareCaseEventSchemas,
  ...sharingEventSchemas,
  ...concernEventSchemas,
  ...schoolMoveEventSchemas,
  ...subjectAccessEventSchemas,
  ...familyEventSchemas,
];

export const eventCatalogue = new EventCatalogue(eventSchemas);
