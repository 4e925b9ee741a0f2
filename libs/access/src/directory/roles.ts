/** The roles of DESIGN §4. `lead-professional` is also a relationship to a child, granted per child. */
export const ROLES = [
  'learning-mentor',
  'senco',
  'dsl',
  'head-teacher',
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

export const AGENCY_KINDS = ['school', 'mast', 'social-care', 'health', 'police', 'education-welfare', 'youth-service', 'voluntary-sector', 'family'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Who may be named to see a restricted record, lead a CAF or be contacted for a child: staff of an agency, not the family or the platform's own administration. */
export const PRACTITIONER_ROLES: readonly Role[] = ROLES.filter((role) => !['parent-carer', 'young-person', 'admin'].includes(role));

/** Staff who work on a child's record at the child's own school. */
export const SCHOOL_STAFF: readonly Role[] = ['learning-mentor', 'senco', 'dsl', 'head-teacher'];
