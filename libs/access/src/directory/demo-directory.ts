import type { AgencyKind, Role } from './roles';

export interface AgencyEntry {
  readonly agencyId: string;
  readonly name: string;
  readonly kind: AgencyKind;
}

export interface UserEntry {
  readonly userId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly agencyId: string;
}

/** The demo directory the embedded default seeds: every role, two schools and the partner agencies. */
export const demoAgencies: readonly AgencyEntry[] = [
  { agencyId: 'school-oakfield', name: 'Oakfield Primary School', kind: 'school' },
  { agencyId: 'school-riverside', name: 'Riverside Academy', kind: 'school' },
  { agencyId: 'mast', name: 'Multi-Agency Support Team', kind: 'mast' },
  { agencyId: 'social-care', name: "Children's Social Care", kind: 'social-care' },
  { agencyId: 'health', name: 'School Nursing and CAMHS', kind: 'health' },
  { agencyId: 'police', name: 'Police Public Protection Unit', kind: 'police' },
  { agencyId: 'education-welfare', name: 'Education Welfare Service', kind: 'education-welfare' },
  { agencyId: 'youth-service', name: 'Youth Service', kind: 'youth-service' },
  { agencyId: 'young-carers-trust', name: 'Young Carers Trust (voluntary sector)', kind: 'voluntary-sector' },
  { agencyId: 'family', name: 'Parents, carers and young people', kind: 'family' },
  { agencyId: 'platform', name: 'Platform administration', kind: 'mast' },
];

export const demoUsers: readonly UserEntry[] = [
  {
    userId: 'mentor.oakfield',
    displayName: 'Priya Shah (learning mentor)',
    role: 'learning-mentor',
    agencyId: 'school-oakfield',
  },
  { userId: 'senco.oakfield', displayName: 'Tom Evans (SENCo)', role: 'senco', agencyId: 'school-oakfield' },
  { userId: 'dsl.oakfield', displayName: 'Grace Okafor (DSL)', role: 'dsl', agencyId: 'school-oakfield' },
  {
    userId: 'head.oakfield',
    displayName: 'Alan Brooks (head teacher)',
    role: 'head-teacher',
    agencyId: 'school-oakfield',
  },
  {
    userId: 'teacher.oakfield',
    displayName: 'Mia Turner (class teacher)',
    role: 'teacher',
    agencyId: 'school-oakfield',
  },
  {
    userId: 'ta.oakfield',
    displayName: 'Dan Hughes (teaching assistant)',
    role: 'teaching-assistant',
    agencyId: 'school-oakfield',
  },
  {
    userId: 'mentor.riverside',
    displayName: 'Sam Lee (learning mentor)',
    role: 'learning-mentor',
    agencyId: 'school-riverside',
  },
  { userId: 'senco.riverside', displayName: 'Ruth Adams (SENCo)', role: 'senco', agencyId: 'school-riverside' },
  { userId: 'dsl.riverside', displayName: 'Imran Ali (DSL)', role: 'dsl', agencyId: 'school-riverside' },
  {
    userId: 'teacher.riverside',
    displayName: 'Zoe Clarke (class teacher)',
    role: 'teacher',
    agencyId: 'school-riverside',
  },
  {
    userId: 'ta.riverside',
    displayName: 'Kwame Mensah (teaching assistant)',
    role: 'teaching-assistant',
    agencyId: 'school-riverside',
  },
  {
    userId: 'mast.coordinator',
    displayName: 'Helen Ward (MAST co-ordinator)',
    role: 'mast-coordinator',
    agencyId: 'mast',
  },
  { userId: 'panel.health', displayName: 'Dr Kate Moss (panel member)', role: 'panel-member', agencyId: 'health' },
  { userId: 'panel.ews', displayName: 'Joe Fenn (panel member)', role: 'panel-member', agencyId: 'education-welfare' },
  { userId: 'keyworker.mast', displayName: 'Nadia Rahman (key worker)', role: 'key-worker', agencyId: 'mast' },
  {
    userId: 'familymentor.mast',
    displayName: 'Owen Price (family learning mentor)',
    role: 'key-worker',
    agencyId: 'mast',
  },
  {
    userId: 'social.worker',
    displayName: 'Chris Dale (social worker)',
    role: 'social-worker',
    agencyId: 'social-care',
  },
  { userId: 'practitioner.health', displayName: 'Lucy Hart (school nurse)', role: 'practitioner', agencyId: 'health' },
  { userId: 'practitioner.police', displayName: 'PC Mark Owen', role: 'practitioner', agencyId: 'police' },
  {
    userId: 'lead.professional',
    displayName: 'Beth Carter (lead professional)',
    role: 'lead-professional',
    agencyId: 'education-welfare',
  },
  { userId: 'dpo', displayName: 'Diane Price (data-protection officer)', role: 'dpo', agencyId: 'platform' },
  { userId: 'parent.demo', displayName: 'Jo Smith (parent)', role: 'parent-carer', agencyId: 'family' },
  { userId: 'young.person', displayName: 'Alex Smith (young person)', role: 'young-person', agencyId: 'family' },
  { userId: 'admin', displayName: 'Platform administrator', role: 'admin', agencyId: 'platform' },
];
