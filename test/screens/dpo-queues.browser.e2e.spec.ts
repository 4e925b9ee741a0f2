import { RetentionReviewJob } from '../../apps/api/src/process-managers/retention-review-job';
import { apiAs, eventually, movableClock, registerChild } from './support/api-seed';
import { expectAccessible, keepScreenshot, openScreens, type Screens, signIn } from './support/browser';

/**
 * The dpo's queues: a subject-access request logged, extended and one
 * answered late (refused without its reason, then recorded, and its pack opened); a retention
 * review listed by the daily job, overdue a month later, kept with its reason, and another
 * held then disposed of. Each page checked by axe-core.
 */
describe("the dpo's subject-access and retention queues in the browser", () => {
  let screens: Screens;
  const time = movableClock('2026-12-01T09:00:00Z');
  let maya: string;
  let lateRequest: string;

  const register = async (givenName: string, dateOfBirth: string) => {
    const answer = await apiAs(screens.platform).post('senco.oakfield', '/children', {
      givenName,
      familyName: 'Weeding',
      dateOfBirth,
      schoolId: 'school-oakfield',
      yearGroup: 11,
      flags: [],
    });
    expect(answer.status).toBe(201);
    return answer.body.childId as string;
  };

  beforeAll(async () => {
    screens = await openScreens('screens_dpo_queues', {}, { clock: time.clock });
    maya = await registerChild(screens.platform, 'Maya', 'Example');
    // Received on 20 October: due by 20 November, so overdue today.
    const late = await apiAs(screens.platform).post('dpo', '/subject-access-requests', {
      childId: maya,
      kind: 'personal-data',
      requester: { name: 'Sam Example', relationship: 'parent' },
      identityCheck: { method: 'photo-identity-seen', details: 'Passport seen at reception' },
      receivedOn: '2026-10-20',
    });
    expect(late.status).toBe(201);
    lateRequest = late.body.requestId;
    await eventually(
      async () => (await apiAs(screens.platform).get('dpo', `/subject-access-requests/${lateRequest}`)).status === 200,
    );
  }, 90_000);
  afterAll(async () => {
    await screens?.close();
  });

  it('logs a request, sees its clock, and extends it by two months', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'dpo');
    await page.getByRole('link', { name: 'Subject-access requests' }).first().click();
    await page.waitForURL('**/app/dpo/subject-access-requests');
    await page.getByRole('link', { name: 'Log a new request' }).click();
    await expectAccessible(page);
    await page.getByLabel("The child's id").fill(maya);
    await page.getByLabel(/^Personal data/).check();
    await page.getByLabel('Who asks: their name').fill('Maya Example');
    await page.getByLabel('The child or young person').check();
    await page.getByLabel('Known to the school').check();
    await page.getByLabel('What was checked').fill('Known to her head of year');
    await page.getByLabel('Received on').fill('2026-11-25');
    await page.getByRole('button', { name: 'Log the request' }).click();
    await page.waitForURL(/\/app\/dpo\/subject-access-requests\/[0-9a-f-]{36}$/);
    // 25 November plus one calendar month: 25 December is Christmas Day, 26 December a Saturday, so the next working day.
    expect(await page.locator('main').textContent()).toMatch(/Due\s+\d+ days left: due by 29 December 2026/);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Extend the request' }).click();
    await page.getByRole('button', { name: 'Record the extension' }).click();
    expect(await page.locator('.govuk-error-summary a').first().getAttribute('href')).toBe('#months');
    await expectAccessible(page);
    await page.getByLabel('2 months').check();
    await page
      .getByLabel('Why the request is complex')
      .fill('Records held by three agencies must be gathered and checked for third parties');
    await page.getByLabel('The requester was told on').fill('2026-12-01');
    await page.getByRole('button', { name: 'Record the extension' }).click();
    await page.waitForURL(/recorded=extension/);
    const main = await page.locator('main').textContent();
    expect(main).toContain('The extension is recorded.');
    expect(main).toContain('2 months, to 25 February 2027');
    expect(main).toContain('Extended by 2 months');
    expect(await page.getByRole('link', { name: 'Extend the request' }).count()).toBe(0);
    await keepScreenshot(page, 'dpo-subject-access-request');
    await context.close();
  });

  it('answers the overdue request: refused without the reason it is late, then recorded with it, and the pack opens', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'dpo');
    await page.goto('/app/dpo/subject-access-requests');
    const first = page.locator('tbody tr').first();
    expect(await first.textContent()).toMatch(/Sam Example[\s\S]*Overdue\s*11 days overdue/);
    await expectAccessible(page);
    await keepScreenshot(page, 'dpo-subject-access-requests');

    await page.goto(`/app/dpo/subject-access-requests/${lateRequest}/response`);
    expect(await page.locator('.govuk-warning-text').textContent()).toContain('due by 20 November 2026');
    await page.getByLabel('By letter').check();
    await page.getByRole('button', { name: 'Release the response pack' }).click();
    expect(page.url()).toMatch(/\/response$/);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.locator('a').getAttribute('href')).toBe('#lateReason');
    expect(await summary.textContent()).toContain('Enter why the response is late: it was due by 20 November 2026');
    expect(await page.locator('#lateReason-error').count()).toBe(1);
    await expectAccessible(page);
    await keepScreenshot(page, 'dpo-subject-access-late-error');
    expect((await apiAs(screens.platform).get('dpo', `/subject-access-requests/${lateRequest}`)).body.status).toBe(
      'overdue',
    );

    await page
      .getByLabel(/Why is the response late/)
      .fill('The request was sent to a closed mailbox and found on 28 November');
    await page.getByRole('button', { name: 'Release the response pack' }).click();
    await page.waitForURL(/recorded=response/);
    const main = await page.locator('main').textContent();
    expect(main).toContain('Answered late');
    expect(main).toContain('Why late: The request was sent to a closed mailbox');
    expect(main).toContain('Sent by letter');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'The response pack as it was released' }).click();
    await page.waitForURL(/response-pack$/);
    expect(await page.locator('h1').textContent()).toBe('Information shared about Maya Example');

    await page.goto('/app/dpo/subject-access-requests');
    expect(await page.locator('tbody tr', { hasText: 'Why: The request was sent to a closed mailbox' }).count()).toBe(
      1,
    );
    await context.close();
  });

  it('works the retention queue: overdue after a month, one kept with its reason, one held and then disposed of', async () => {
    const kept = await register('Bea', '2001-10-02');
    const held = await register('Cal', '2001-11-15');
    expect(await screens.platform.app.get(RetentionReviewJob).listDue()).toBe(2);
    await eventually(
      async () => (await apiAs(screens.platform).get('dpo', '/retention/reviews?status=due')).body.length === 2,
    );
    // Six weeks on, neither has been decided: both past their decide-by day.
    time.advanceDays(42);
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'dpo');
    await page.getByRole('link', { name: 'Retention reviews' }).first().click();
    await page.waitForURL('**/app/dpo/retention');
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toMatch(
      /Bea Weeding[\s\S]*2 October 2026[\s\S]*1 December 2026[\s\S]*1 January 2027[\s\S]*Overdue/,
    );
    await expectAccessible(page);
    await keepScreenshot(page, 'dpo-retention');

    await page.getByRole('link', { name: 'Bea Weeding' }).click();
    await page.waitForURL(`**/app/dpo/retention/children/${kept}`);
    expect(await page.locator('main').textContent()).toContain('Pupil record');
    await expectAccessible(page);
    await keepScreenshot(page, 'dpo-retention-review');
    await page.getByRole('link', { name: 'Keep it, with the reason' }).click();
    await page.getByLabel('Keep until').fill('2026-12-01');
    await page.getByLabel('Why it is kept').fill("A sibling's child-protection plan is still open");
    await page.getByRole('button', { name: 'Keep the record' }).click();
    expect(await page.locator('.govuk-error-summary a').getAttribute('href')).toBe('#keepUntil');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('must be later than today');
    await expectAccessible(page);
    await page.getByLabel('Keep until').fill('2027-06-01');
    await page.getByRole('button', { name: 'Keep the record' }).click();
    await page.waitForURL(/done=keep/);
    expect(await page.locator('main').textContent()).toMatch(/Kept until 1 June 2027/);

    await page.goto(`/app/dpo/retention/children/${held}`);
    await page.getByRole('link', { name: 'Place a legal hold' }).click();
    await page.getByLabel('Why the record must be held').fill("Civil claim: solicitor's letter of 3 November");
    await page.getByRole('button', { name: 'Place the hold' }).click();
    await page.waitForURL(/done=legal-holds/);
    expect(await page.getByRole('link', { name: 'Dispose of the record' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Lift the hold' }).click();
    expect(await page.locator('.govuk-error-summary a').getAttribute('href')).toBe('#reason');
    await expectAccessible(page);
    await page.getByLabel('Why the hold is lifted').fill('Claim withdrawn');
    await page.getByRole('button', { name: 'Lift the hold' }).click();
    await page.waitForURL(/done=lifting/);
    await page.getByRole('link', { name: 'Dispose of the record' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Dispose of the record' }).click();
    await page.waitForURL(/done=disposal/);
    expect(await page.locator('main').textContent()).toContain('Record erased: the data key deleted');
    expect((await apiAs(screens.platform).get('dpo', `/retention/children/${held}`)).body).toMatchObject({
      status: 'erased',
      erasedCause: 'disposal',
    });
    await context.close();
  });
});
