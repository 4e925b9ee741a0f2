import type { SubjectAccessCommand } from '@app/domain';
import type { WithBody } from '../http/steps';
import { ExtensionBody, ResponseBody } from './subject-access-bodies';

/** A step on a request, as `POST /subject-access-requests/:requestId/:step`. */
export interface SubjectAccessStep extends WithBody {
  readonly command: SubjectAccessCommand['type'];
  /** Days in the body the dpo says have already happened (none may be after today). */
  readonly happenedOn: readonly string[];
}

export const SUBJECT_ACCESS_STEPS: Readonly<Record<string, SubjectAccessStep>> = {
  extension: { command: 'ExtendSubjectAccessRequest', body: ExtensionBody, happenedOn: ['requesterToldOn'] },
  response: { command: 'ReleaseSubjectAccessResponse', body: ResponseBody, happenedOn: [] },
};
