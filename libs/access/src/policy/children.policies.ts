import { ALL_SCHOOL_STAFF, SCHOOL_STAFF, type Role } from '../directory/roles';
import { allow, deny, namedInBody, unnamed, type Policy, type PolicyContext } from './policy';

/** Staff of the child's own school, holding one of `roles`: the school-of-record relationship. */
export const schoolOfRecord = (name: string, roles: readonly Role[]): Policy => ({
  name,
  childLevel: true,
  async decide({ actor, params, facts }: PolicyContext) {
    const childId = params.childId;
    if (!roles.includes(actor.role)) return deny(`${name} is for ${roles.join(', ')} at the child's school`, childId);
    const school = await facts.schoolOfChild(childId);
    if (school === null || school !== actor.agencyId) return deny('no relationship to this child', childId);
    return allow(`school-of-record:${school}`, childId);
  },
});

export const childPolicies = {
  register: {
    name: 'child.register',
    childLevel: false,
    async decide({ actor, body }) {
      if (!SCHOOL_STAFF.includes(actor.role)) return deny(`child.register is for ${SCHOOL_STAFF.join(', ')}`);
      const schoolId = namedInBody(body, 'schoolId');
      if (schoolId === null) return unnamed('schoolId');
      if (schoolId !== actor.agencyId) return deny('staff register children at their own school only');
      return allow(`staff-of:${actor.agencyId}`);
    },
  } satisfies Policy,
  read: schoolOfRecord('child.read', ALL_SCHOOL_STAFF),
  correct: schoolOfRecord('child.correct', ['senco', 'dsl', 'head-teacher']),
  restrict: schoolOfRecord('child.restrict', ['dsl', 'head-teacher']),
  breakGlass: { ...schoolOfRecord('child.break-glass', ALL_SCHOOL_STAFF), opensRestricted: true },
};
