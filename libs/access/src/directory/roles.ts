/** The roles of DESIGN §4, with the teachers and teaching assistants who refer and raise concerns (002). `lead-professional` is also a relationship to a child, granted per child. */
export const ROLES = [
  'learning-mentor',
  'senco',
  'dsl',
  'head-teacher',
  'teacher',
  'teaching-assistant',
  'mast-coordinator',
  'panel-member',
  'key-worker',
  'social-worker',
  'practitioner',
  'lead-professional',
  'dpo',
  'parent-carer',
  'young-person',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const AGENCY_KINDS = [
  'school',
  'mast',
  'social-care',
  'health',
  'police',
  'education-welfare',
  'youth-service',
  'voluntary-sector',
  'family',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Who may be named to see a restricted record, lead a CAF or be contacted for a child: staff of an agency, not the family or the platform's own administration. */
export const PRACTITIONER_ROLES: readonly Role[] = ROLES.filter(
  (role) => !['parent-carer', 'young-person', 'admin'].includes(role),
);

/** Staff who work on a child's record at the child's own school. */
export const SCHOOL_STAFF: readonly Role[] = ['learning-mentor', 'senco', 'dsl', 'head-teacher'];

/**
 * Everyone on a school's staff: they read a child of their own school, refer (002: "via
 * parent, teacher, teaching assistant") and raise a concern. Teachers and teaching
 * assistants stop there: no casework, triage, consent, sharing or DSL acts.
 */
export const ALL_SCHOOL_STAFF: readonly Role[] = [...SCHOOL_STAFF, 'teacher', 'teaching-assistant'];
