import { roleIn } from './policy';

/**
 * Subject-access requests are the dpo's work alone: recording, extending, answering and the
 * queue. Every decision, refusals included, is in the access log; the request names a child,
 * so a restriction on the child's record does not hide it from the dpo who must answer.
 */
export const subjectAccessPolicies = {
  work: { ...roleIn('subject-access', ['dpo']), childLevel: true },
};
