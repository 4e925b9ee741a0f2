import { weekdayOf } from '@app/domain';
import { addDays } from '@app/domain';
import { registerChild, type SchoolApi } from './school-cases';
import type { BenchDays } from './scenarios';

const SENCO = 'senco.oakfield';
const COORDINATOR = 'mast.coordinator';

/** A mother's written consent to MAST involvement, given with the SENCo, covering `from` to `until`. */
async function giveMastConsent(api: SchoolApi, childId: string, from: string, until: string): Promise<void> {
  await api.post(
    `/children/${childId}/consents`,
    {
      decision: 'given',
      giver: { kind: 'parent-carer', name: 'Jo Smith', relationship: 'mother' },
      informed: {
        purpose: 'Request for MAST involvement',
        use: 'The panel decides on support for the family',
        recipients: 'The Multi-Agency Support Team and its panel',
        retention: 'Until MAST involvement ends plus six years',
      },
      scope: {
        purposes: ['mast-involvement'],
        recipients: ['mast'],
        categories: ['education', 'attendance', 'family-circumstances'],
      },
      evidence: { form: 'written', documentRef: `mast-consent-${childId.slice(0, 8)}` },
      decidedOn: from,
      expiresOn: until,
    },
    SENCO,
  );
}

/** The first panel weekday at least a week ahead: today's requests are before its agenda's cut-off. */
export function panelDayAfterAWeek(days: BenchDays, panelWeekday: number): string {
  let day = days.daysAhead(7);
  while (weekdayOf(day) !== panelWeekday) day = addDays(day, 1);
  return day;
}

/** `count` children of Oakfield, each with consent and a request for MAST involvement, then the panel scheduled and its agenda drawn up. */
export async function panelWithRequests(
  api: SchoolApi,
  days: BenchDays,
  count: number,
  panelDate: string,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    const childId = await registerChild(api, `Mast${i}`, 'Bench');
    await giveMastConsent(api, childId, days.daysAgo(5), days.daysAhead(300));
    await api.post(
      '/mast-requests',
      {
        childId,
        parentsInvolved: [{ name: 'Jo Smith', relationship: 'mother' }],
        needs: 'Late most days; withdrawn in class',
        alreadyTried: 'Breakfast club; school learning mentor',
        levelOfNeed: 2 + (i % 3),
      },
      SENCO,
    );
  }
  await api.post('/mast-panels', { panelDate }, COORDINATOR);
  await api.post(`/mast-panels/${panelDate}/agenda`, {}, COORDINATOR);
}
