import { SCHOOL_STAFF } from '../directory/roles';
import { schoolOfRecord } from './children.policies';

/** Consent is recorded by the school staff who ask for it; every member of staff may see it. */
export const consentPolicies = {
  record: schoolOfRecord('consent.record', ['learning-mentor', 'senco', 'dsl', 'head-teacher']),
  read: schoolOfRecord('consent.read', SCHOOL_STAFF),
};
