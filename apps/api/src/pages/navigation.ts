import type { Role } from '@app/access';

export interface NavigationEntry {
  readonly text: string;
  /** What the page is for, on the start page. */
  readonly description: string;
  readonly roles: readonly Role[];
  readonly href: (actor: { readonly userId: string; readonly agencyId: string }) => string;
}

/** Where a parent, carer or young person starts: their own record. */
export const FAMILY_HOME = '/app/family';

const school = (path: string) => (actor: { agencyId: string }) =>
  `/app/schools/${encodeURIComponent(actor.agencyId)}/${path}`;

/**
 * Each audience's pages, in the order they work through them: the service navigation and
 * the start page are built from this one list. Add a page's entry here.
 */
export const NAVIGATION: readonly NavigationEntry[] = [
  {
    text: 'Referrals to triage',
    description: 'Referrals waiting for a priority, a level of need and a learning mentor.',
    roles: ['senco', 'head-teacher'],
    href: school('triage'),
  },
  {
    text: 'My caseload',
    description: 'Your open cases, their next review and last session.',
    roles: ['learning-mentor'],
    href: (actor) => school(`caseloads/${encodeURIComponent(actor.userId)}`)(actor),
  },
  {
    text: 'Caseloads',
    description: "Each learning mentor's one-to-one cases, flagged above fifteen.",
    roles: ['senco', 'head-teacher', 'dsl'],
    href: school('caseloads'),
  },
  {
    text: 'Reviews',
    description: 'Reviews due and overdue.',
    roles: ['learning-mentor', 'senco', 'head-teacher', 'dsl'],
    href: school('reviews'),
  },
  {
    text: 'Endings',
    description: 'Planned endings and follow-ups due.',
    roles: ['learning-mentor', 'senco', 'head-teacher', 'dsl'],
    href: school('endings'),
  },
  {
    text: 'Referrals',
    description: 'Referrals received from schools, with their Working Together clocks.',
    roles: ['social-worker'],
    href: () => '/app/social-care/referrals',
  },
  {
    text: 'Information received',
    description: 'What other agencies disclosed to yours, and their correction notices.',
    roles: ['social-worker', 'practitioner', 'key-worker', 'lead-professional'],
    href: (a) => `/app/agencies/${encodeURIComponent(a.agencyId)}/received-information`,
  },
  {
    text: 'CAFs you lead',
    description: 'Each CAF you are lead professional for: its plan, overdue actions and next review.',
    roles: ['lead-professional', 'key-worker', 'social-worker', 'practitioner'],
    href: () => '/app/cafs',
  },
  {
    text: 'Access history',
    description: "Who opened a child's record, or what a user opened; refused reads among them.",
    roles: ['dpo'],
    href: () => '/app/dpo/access-history',
  },
  {
    text: 'The chain',
    description: "The access log's verification and its latest signed anchor.",
    roles: ['dpo'],
    href: () => '/app/dpo/chain',
  },
  {
    text: 'Disclosures',
    description: 'The disclosure ledger by child or agency, those without consent, and the chart by month.',
    roles: ['dpo'],
    href: () => '/app/dpo/disclosures',
  },
  {
    text: 'Subject-access requests',
    description: 'Requests for what is held about a child, each on its clock: due, overdue, answered.',
    roles: ['dpo'],
    href: () => '/app/dpo/subject-access-requests',
  },
  {
    text: 'Retention reviews',
    description: 'Records at the end of their retention period: dispose, keep with a reason, or hold.',
    roles: ['dpo'],
    href: () => '/app/dpo/retention',
  },
  {
    text: 'Break-glass reviews',
    description: 'Restricted records opened in an emergency, awaiting your review.',
    roles: ['dpo'],
    href: () => '/app/dpo/break-glass',
  },
  {
    text: 'Security log',
    description: 'Failed sign-ins and refused tokens: when, from where, why.',
    roles: ['dpo'],
    href: () => '/app/dpo/security-log',
  },
  {
    text: 'Outcomes',
    description: 'Attendance and behaviour at referral against exit.',
    roles: ['learning-mentor', 'senco', 'head-teacher', 'dsl'],
    href: school('outcomes'),
  },
  {
    text: 'Safeguarding concerns',
    description: "The school's concerns, each with its clocks: review them and refer to social care.",
    roles: ['dsl', 'head-teacher'],
    href: school('concerns'),
  },
  {
    text: 'Concerns by clock',
    description: "A chart of the open concerns' Working Together clocks: due, late and breached.",
    roles: ['dsl', 'head-teacher'],
    href: school('safeguarding-dashboard'),
  },
  {
    text: 'Sharing to approve',
    description: 'Proposals to share information without consent, waiting for your approval.',
    roles: ['dsl', 'head-teacher'],
    href: school('sharing-approvals'),
  },
  {
    text: 'Next panel',
    description: 'The agenda of the next MAST panel: attendance, conflicts, decisions, minutes.',
    roles: ['mast-coordinator', 'panel-member'],
    href: () => '/app/mast/panels',
  },
  {
    text: 'Deadlines',
    description: 'Responses to schools and first contacts: due, overdue, breached and met, with their owners.',
    roles: ['mast-coordinator', 'panel-member'],
    href: () => '/app/mast/deadlines',
  },
  {
    text: 'Deadlines by week',
    description: 'A chart of deadlines met, breached and overdue, week by week.',
    roles: ['mast-coordinator', 'panel-member'],
    href: () => '/app/mast/dashboard',
  },
  {
    text: 'Decision log',
    description: 'Every decision the panel made, with its reason and who took part.',
    roles: ['mast-coordinator', 'panel-member'],
    href: () => '/app/mast/decision-log',
  },
  {
    text: 'Key workers',
    description: "Each key worker's open MAST cases.",
    roles: ['mast-coordinator'],
    href: () => '/app/mast/caseloads',
  },
  {
    text: 'Your family',
    description: "Your children's Common Assessment, your consents and what was shared about them.",
    roles: ['parent-carer'],
    href: () => FAMILY_HOME,
  },
  {
    text: 'Your record',
    description: 'Your Common Assessment, your consents and what was shared about you.',
    roles: ['young-person'],
    href: () => FAMILY_HOME,
  },
  {
    text: 'My MAST cases',
    description: 'The children allocated to you by the panel, and their first-contact deadlines.',
    roles: ['key-worker'],
    href: (actor) => `/app/mast/caseloads/${encodeURIComponent(actor.userId)}`,
  },
];

export function navigationFor(actor: {
  readonly userId: string;
  readonly role: Role;
  readonly agencyId: string;
}): Array<{ text: string; description: string; href: string }> {
  return NAVIGATION.filter((entry) => entry.roles.includes(actor.role)).map((entry) => ({
    text: entry.text,
    description: entry.description,
    href: entry.href(actor),
  }));
}
