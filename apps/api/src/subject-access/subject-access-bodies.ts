import { DISCLOSURE_CHANNELS } from '@app/domain';
import { REQUEST_KINDS } from '@app/domain';
import { bodyShape, count, day, oneOf, optional, record, text } from '../http/body-shape';

/** The request as the dpo records it: the id, the actor, the time and the child's school are the platform's. */
export class RecordSubjectAccessRequestBody extends bodyShape({
  childId: text(100),
  kind: oneOf(REQUEST_KINDS),
  requester: record(
    'Who asks: { name, relationship } (the-child, parent, carer-with-parental-responsibility, legal-representative, other-with-written-authority)',
  ),
  identityCheck: record('How their identity was checked: { method, details }'),
  receivedOn: day(),
}) {}

export class ExtensionBody extends bodyShape({ months: count(), reason: text(), requesterToldOn: day() }) {}

/** The pack is the platform's to build; the dpo names how it goes and, when late, why. */
export class ResponseBody extends bodyShape({ channel: oneOf(DISCLOSURE_CHANNELS), lateReason: optional(text()) }) {}
