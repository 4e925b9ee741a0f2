import request from 'supertest';
import { steps } from '@app/domain/testing';
import { parentalConsent } from '../support/consent-fixtures';
import { pageSession } from '../support/page-session';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

const body = (command: object, overrides: object = {}) => {
  const { type: _type, referralId: _referral, consent: _consent, ...rest } = command as Record<string, unknown>;
  return { ...rest, ...overrides };
};
const PRIORITIES = ['high', 'medium', 'low'] as const;

/**
 * The school's long lists come a page at a time: the body stays the list, `X-Total-Count`
 * gives its length and `Link: <…>; rel="next"` the next page. Walking the links gives every
 * row of the school exactly once, in the list's order, and nothing of another school.
 */
describe('school lists in pages', () => {
  let platform: PlatformUnderTest;
  const tokens: Record<string, string> = {};
  const as = async (userId: string) => `Bearer ${(tokens[userId] ??= await platform.tokenFor(userId))}`;
  const post = async (userId: string, path: string, payload: object = {}) => {
    const answer = await request(platform.http)
      .post(path)
      .set('Authorization', await as(userId))
      .send(payload);
    if (answer.status >= 300)
      throw new Error(`${userId} POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const get = async (userId: string, path: string) =>
    request(platform.http)
      .get(path)
      .set('Authorization', await as(userId));

  /** A child of the school referred, and placed on the register when `priority` is given (several on one day: the order's tie-break is the id). */
  const referral = async (school: 'oakfield' | 'riverside', n: number, priority?: (typeof PRIORITIES)[number]) => {
    const { childId } = await post(`senco.${school}`, '/children', {
      givenName: `Pupil${n}`,
      familyName: school,
      dateOfBirth: '2013-06-11',
      schoolId: `school-${school}`,
      yearGroup: 8,
      flags: [],
    });
    await post(`senco.${school}`, `/children/${childId}/consents`, {
      ...parentalConsent,
      scope: { ...parentalConsent.scope, recipients: [`school-${school}`] },
    });
    const { referralId } = await post(
      `mentor.${school}`,
      '/referrals',
      body(steps.refer, { childId, schoolId: `school-${school}` }),
    );
    if (priority)
      await post(
        `senco.${school}`,
        `/referrals/${referralId}/triage`,
        body(steps.triage, { mentorId: `mentor.${school}`, priority, triagedOn: `2026-11-${10 + (n % 3)}` }),
      );
    return referralId as string;
  };

  /** Follows the next links from `path`, checking the total on every page. */
  const walk = async (userId: string, path: string): Promise<{ ids: string[]; pages: number; totals: number[] }> => {
    const ids: string[] = [];
    const totals: number[] = [];
    let next: string | undefined = path;
    let pages = 0;
    while (next) {
      const answer = await get(userId, next);
      expect(answer.status).toBe(200);
      expect(Array.isArray(answer.body)).toBe(true);
      ids.push(...answer.body.map((row: { referralId: string }) => row.referralId));
      totals.push(Number(answer.headers['x-total-count']));
      next = /^<([^>]+)>; rel="next"$/.exec(answer.headers.link ?? '')?.[1];
      pages += 1;
      if (pages > 50) throw new Error('the next links do not end');
    }
    return { ids, pages, totals };
  };

  const onRegister: string[] = [];
  const awaitingTriage: string[] = [];
  const elsewhere: string[] = [];

  beforeAll(async () => {
    platform = await startPlatform('school_lists_paging');
    for (let n = 0; n < 14; n += 1) onRegister.push(await referral('oakfield', n, PRIORITIES[n % 3]));
    for (let n = 14; n < 21; n += 1) awaitingTriage.push(await referral('oakfield', n));
    for (let n = 0; n < 3; n += 1)
      elsewhere.push(await referral('riverside', n, 'high'), await referral('riverside', n + 3));
  }, 300_000);

  afterAll(async () => {
    await platform?.close();
  });

  it('walks the pupil register by its next links: every case of the school once, in the register order, the total on every page', async () => {
    const whole = await get('senco.oakfield', '/schools/school-oakfield/pupil-register?limit=500');
    expect(whole.status).toBe(200);
    expect(whole.headers.link).toBeUndefined();
    const order = whole.body.map((row: { referralId: string }) => row.referralId);
    expect(order.slice().sort()).toEqual(onRegister.slice().sort());

    const { ids, pages, totals } = await walk('senco.oakfield', '/schools/school-oakfield/pupil-register?limit=4');
    expect(pages).toBe(4);
    expect(ids).toEqual(order);
    expect(new Set(ids).size).toBe(14);
    expect(totals).toEqual([14, 14, 14, 14]);
    expect(ids.filter((id) => elsewhere.includes(id))).toEqual([]);
  });

  it('walks the triage list the same way, and the default page holds a short list whole', async () => {
    // All referred the same day: the list's order is then the referral id.
    const byId = awaitingTriage.slice().sort();
    const { ids, totals } = await walk('senco.oakfield', '/schools/school-oakfield/referrals-awaiting-triage?limit=3');
    expect(ids).toEqual(byId);
    expect(totals).toEqual([7, 7, 7]);
    const whole = await get('senco.oakfield', '/schools/school-oakfield/referrals-awaiting-triage');
    expect(whole.body.map((row: { referralId: string }) => row.referralId)).toEqual(byId);
    expect(whole.headers.link).toBeUndefined();
    expect(whole.headers['x-total-count']).toBe('7');
  });

  it('never shows another school its rows', async () => {
    const { ids, totals } = await walk('senco.riverside', '/schools/school-riverside/pupil-register?limit=2');
    expect(ids.sort()).toEqual(elsewhere.filter((_, i) => i % 2 === 0).sort());
    expect(totals[0]).toBe(3);
  });

  it.each([
    ['cursor=not-a-cursor!', 'cursor'],
    [`cursor=${Buffer.from(JSON.stringify(['0', 'not a day', 'r'])).toString('base64url')}`, 'cursor'],
    [`cursor=${Buffer.from(JSON.stringify(['0', '2026-11-10'])).toString('base64url')}`, 'cursor'],
    [`cursor=${Buffer.from('{"oops"').toString('base64url')}`, 'cursor'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=ten', 'limit'],
  ])('refuses ?%s with a 400 naming %s', async (query, field) => {
    const answer = await get('senco.oakfield', `/schools/school-oakfield/pupil-register?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.field).toBe(field);
  });

  it('the triage page shows the same pages with the GOV.UK pagination links', async () => {
    const { agent } = await pageSession(platform, 'senco.oakfield');
    const first = await agent.get('/app/schools/school-oakfield/triage?limit=5').expect(200);
    expect(first.text).toContain('7 referrals waiting, oldest first, 5 on this page');
    const more = /class="govuk-pagination__next">\s*<a class="govuk-link govuk-pagination__link" href="([^"]+)"/.exec(
      first.text,
    );
    expect(more).not.toBeNull();
    const second = await agent.get(more![1].replace(/&amp;/g, '&')).expect(200);
    expect(second.text).toContain('2 on this page');
    expect(second.text).not.toContain('govuk-pagination__next');
    expect(second.text).toContain('From the start');
    const shown = (html: string) => awaitingTriage.filter((id) => html.includes(`/app/referrals/${id}/triage`));
    expect([...shown(first.text), ...shown(second.text)].sort()).toEqual(awaitingTriage.slice().sort());
    expect(shown(first.text)).toHaveLength(5);
  });
  it('leaves a restricted child out of the rows and the total for anyone not named on the restriction', async () => {
    const whole = await get('senco.oakfield', '/schools/school-oakfield/pupil-register?limit=500');
    const [first] = whole.body as Array<{ referralId: string; childId: string }>;
    await request(platform.http)
      .put(`/children/${first.childId}/restriction`)
      .set('Authorization', await as('dsl.oakfield'))
      .send({ reason: 'A member of staff is the parent', namedUsers: ['mentor.oakfield'] })
      .expect(200);
    // The total would otherwise tell the SENCo there is a child on the register they cannot see.
    const senco = await walk('senco.oakfield', '/schools/school-oakfield/pupil-register?limit=4');
    expect([...senco.ids].sort()).toEqual(onRegister.filter((id) => id !== first.referralId).sort());
    expect(new Set(senco.totals)).toEqual(new Set([onRegister.length - 1]));
    const mentor = await walk('mentor.oakfield', '/schools/school-oakfield/pupil-register?limit=4');
    expect(mentor.ids).toContain(first.referralId);
    expect(new Set(mentor.totals)).toEqual(new Set([onRegister.length]));
  });
});
