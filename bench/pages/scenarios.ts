import { panelDayAfterAWeek, panelWithRequests } from './mast-requests';
import { giveMentoringConsent, refer, registerChild, type SchoolApi, triageOnto } from './school-cases';

/** The days a scenario's records are dated, around the platform's today. */
export interface BenchDays {
  readonly today: string;
  daysAgo(days: number): string;
  daysAhead(days: number): string;
}

/**
 * One page to time: who reads it, the records it shows (made through the API), and how to
 * tell from its HTML that the projections have caught up with them. Add a scenario here
 * (the panel agenda: MAST requests through the API, read as the co-ordinator).
 */
export interface PageScenario {
  readonly name: string;
  readonly userId: string;
  /** Makes the records; answers the page's path. */
  seed(api: SchoolApi, days: BenchDays): Promise<string>;
  /** The page shows everything seeded (read models trail the log by the projection's lag). */
  complete(html: string): boolean;
}

const rowsOf = (html: string) => (html.match(/<tr class="govuk-table__row">/g) ?? []).length;

export const PAGE_SCENARIOS: readonly PageScenario[] = [
  {
    name: 'caseload (15 cases)',
    userId: 'mentor.oakfield',
    async seed(api, days) {
      for (let i = 0; i < 15; i++) {
        const childId = await registerChild(api, `Case${i}`, 'Bench');
        await giveMentoringConsent(api, childId, days.daysAgo(60), days.daysAhead(300));
        const referralId = await refer(api, childId, days.daysAgo(30));
        await triageOnto(api, referralId, days.daysAgo(20));
      }
      return '/app/schools/school-oakfield/caseloads/mentor.oakfield';
    },
    complete: (html) => rowsOf(html) === 16,
  },
  {
    name: 'triage list (100 of 200)',
    userId: 'senco.oakfield',
    async seed(api, days) {
      for (let i = 0; i < 200; i++)
        await refer(api, await registerChild(api, `Referral${i}`, 'Bench'), days.daysAgo(10));
      return '/app/schools/school-oakfield/triage';
    },
    // The list is paged: its first page of 100, and the count of all 200 waiting.
    complete: (html) => html.includes('200 referrals waiting'),
  },
  {
    name: 'panel agenda (40 requests)',
    userId: 'mast.coordinator',
    async seed(api, days) {
      // MAST_PANEL_WEEKDAY's default: the panel meets on Wednesdays.
      const panelDate = panelDayAfterAWeek(days, Number(process.env.MAST_PANEL_WEEKDAY ?? 3));
      await panelWithRequests(api, days, 40, panelDate);
      return `/app/mast/panels/${panelDate}`;
    },
    // The agenda's 40 rows and its header.
    complete: (html) => rowsOf(html) === 41,
  },
];
