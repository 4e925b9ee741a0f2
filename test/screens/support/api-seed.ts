import type { PlatformUnderTest } from '../../support/platform-under-test';
import { apiClient } from '../../support/api-client';

/** Seeding through the API as each user would, for the browser walks: a fresh token for every call, so a moved clock never meets an old one. */
export const apiAs = (platform: PlatformUnderTest) => apiClient(platform);

/** A platform clock that the walk moves on by whole days (ADR 009); time still passes between steps. */
export function movableClock(startsAt: string) {
  let offsetMs = 0;
  const origin = Date.parse(startsAt);
  const started = performance.now();
  return {
    clock: () => new Date(origin + offsetMs + (performance.now() - started)),
    advanceDays: (days: number) => (offsetMs += days * 86_400_000),
  };
}

/** A pupil of Oakfield, registered by its SENCo. */
export const registerChild = (platform: PlatformUnderTest, givenName: string, familyName: string): Promise<string> =>
  apiClient(platform).registerChild({ givenName, familyName });

/** A teacher's concern, referred by the DSL to social care on a Box 13 ground. */
export async function referredConcern(
  platform: PlatformUnderTest,
  childId: string,
  referredOn: string,
  summary: string,
): Promise<string> {
  const api = apiAs(platform);
  const raised = await api.post('teacher.oakfield', '/concerns', {
    childId,
    seenOrHeard: 'Said she is scared to go home; bruise on her arm',
  });
  const concernId = raised.body.concernId as string;
  const referral = {
    ground: 'risk-of-significant-harm',
    urgency: 'within-one-working-day',
    categories: ['safeguarding'],
    summary,
  };
  const reviewed = await api.post('dsl.oakfield', `/concerns/${concernId}/review`, {
    outcome: 'refer-to-social-care',
    reasons: 'Disclosure and injury',
    reviewedOn: referredOn,
    referral,
  });
  if (reviewed.status !== 200) throw new Error(`not referred: ${reviewed.status} ${JSON.stringify(reviewed.body)}`);
  // Social care's view is a read model: the walk goes on once the referral is in it.
  await eventually(async () => (await api.get('social.worker', `/concerns/${concernId}`)).status === 200);
  return concernId;
}

/** Waits for a read model to catch up (projections run beside the API): true within the time, or the walk fails. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > until) throw new Error('the read model did not catch up in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
