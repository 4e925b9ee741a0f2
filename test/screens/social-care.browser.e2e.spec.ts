import { apiAs, movableClock, referredConcern, registerChild } from './support/api-seed';
import { expectAccessible, keepScreenshot, openScreens, type Screens, signIn } from './support/browser';

/**
 * A social worker records a late decision with its reason.
 * The referral arrives on Tuesday 1 December; its decision is due the next working day; the
 * social worker opens it on Monday 7 December.
 */
describe('social care in the browser: the referrals inbox, its clocks, a late decision with its reason', () => {
  let screens: Screens;
  const time = movableClock('2026-12-01T10:00:00Z');
  let concernId: string;
  let onTime: string;

  beforeAll(async () => {
    screens = await openScreens('screens_social_care', {}, { clock: time.clock });
    const childId = await registerChild(screens.platform, 'Maya', 'Example');
    concernId = await referredConcern(
      screens.platform,
      childId,
      '2026-12-01',
      'Child reports being hurt at home; bruising seen',
    );
    onTime = await referredConcern(
      screens.platform,
      await registerChild(screens.platform, 'Sam', 'Example'),
      '2026-12-01',
      'Neglect suspected: no food at home',
    );
    time.advanceDays(6);
  }, 90_000);
  afterAll(async () => {
    await screens?.close();
  });

  it('shows the referrals inbox with each clock overdue, and a referral as social care received it', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'social.worker');
    await page.getByRole('link', { name: 'Referrals', exact: true }).first().click();
    await page.waitForURL('**/app/social-care/referrals');
    expect(await page.locator('tbody tr').count()).toBe(2);
    const row = page.locator('tbody tr', { hasText: 'Child reports being hurt at home' });
    expect(await row.locator('.govuk-tag').textContent()).toBe('Overdue');
    expect(await row.textContent()).toContain('Grace Okafor (DSL)');
    await expectAccessible(page);
    await keepScreenshot(page, 'social-care-referrals');

    await row.getByRole('link').click();
    await page.waitForURL(`**/app/social-care/concerns/${concernId}`);
    expect(await page.locator('main').textContent()).toContain('Without consent: risk of significant harm');
    // The school's own note stays the school's.
    expect(await page.content()).not.toContain('scared to go home');
    await expectAccessible(page);
    await context.close();
  });

  it('refuses a late decision without its reason, naming the field, and records it with one as a breach', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'social.worker');
    await page.goto(`/app/social-care/concerns/${concernId}`);
    await page.getByRole('link', { name: 'Record the decision on the referral' }).click();
    expect(await page.locator('.govuk-warning-text').textContent()).toContain('was due by 2 December 2026');
    await expectAccessible(page);
    await page.getByLabel('Strategy discussion').check();
    await page.getByLabel('Reasons for the decision').fill('Injury and disclosure: section 47 threshold met');
    expect(await page.getByLabel('Decided on').inputValue()).toBe('2026-12-07');
    await page.getByRole('button', { name: 'Record' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    const summaryLink = page.locator('.govuk-error-summary a');
    expect(await summaryLink.getAttribute('href')).toBe('#lateReason');
    expect(await summaryLink.textContent()).toContain('Due by 2026-12-02');
    // What was typed is still there.
    expect(await page.getByLabel('Reasons for the decision').inputValue()).toBe(
      'Injury and disclosure: section 47 threshold met',
    );
    await expectAccessible(page);
    await keepScreenshot(page, 'social-care-late-decision-error');

    await page
      .getByLabel(/Why is this late/)
      .fill('Referral arrived during the out-of-hours handover and was not triaged');
    await page.getByRole('button', { name: 'Record' }).click();
    await page.waitForURL(
      (url) =>
        `${url.pathname}${url.search}` === `/app/social-care/concerns/${concernId}?recorded=social-care-decision`,
    );
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Recorded: Record the decision on the referral',
    );
    const clock = page.locator('table tbody tr', { hasText: 'Decision on the referral' });
    expect(await clock.locator('.govuk-tag').textContent()).toBe('Breached');
    expect(await clock.textContent()).toContain('Late: Referral arrived during the out-of-hours handover');
    await expectAccessible(page);
    await keepScreenshot(page, 'social-care-referral');

    // The API's twin answers the same: one record.
    const read = (await apiAs(screens.platform).get('social.worker', `/concerns/${concernId}`)).body;
    expect(read.clocks.find((c: { clock: string }) => c.clock === 'social-care-decision')).toMatchObject({
      state: 'breached',
      breachReason: 'Referral arrived during the out-of-hours handover and was not triaged',
    });
    expect(read.decision).toMatchObject({ decision: 'strategy-discussion', decidedBy: { userId: 'social.worker' } });
    await context.close();
  });

  it('records the strategy discussion and a conference through their forms, without JavaScript', async () => {
    const context = await screens.context({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'social.worker');
    await page.goto(`/app/social-care/concerns/${concernId}/strategy-discussion`);
    await page.getByLabel('Outcome of the discussion').fill('Section 47 enquiry; initial conference to be convened');
    await page.getByRole('button', { name: 'Record' }).click();
    await page.waitForURL(/recorded=strategy-discussion/);
    await page.goto(`/app/social-care/concerns/${concernId}/conferences`);
    expect(await page.locator('.govuk-inset-text').textContent()).toContain(
      'Initial conference (15 working days from the strategy discussion): due by 30 December 2026',
    );
    await page.getByLabel('Initial conference').check();
    await page.getByLabel(/subject to a child protection plan/).check();
    await page.getByRole('button', { name: 'Record' }).click();
    await page.waitForURL(/recorded=conferences/);
    const main = await page.locator('main').textContent();
    expect(main).toContain('Initial conference');
    expect(main).toContain('First core group (10 working days from the conference)');
    // axe runs as a script: it checks these pages in the walks with JavaScript on.
    await context.close();
  }, 120_000);

  it('shows the information received by the agency, new since the last visit and read before it', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'social.worker');
    await page.getByRole('link', { name: 'Information received' }).first().click();
    await page.waitForURL('**/app/agencies/social-care/received-information');
    expect(await page.locator('main').textContent()).toContain('This is your first visit: everything is new.');
    await page.reload();
    expect(await page.locator('main').textContent()).toMatch(
      /Marked new: what arrived since you last opened this page \(\d+ Dec 2026, \d\d:\d\d\)/,
    );
    await expectAccessible(page);
    await keepScreenshot(page, 'received-information');
    await context.close();
  });

  it("is not the school's: a DSL cannot open the inbox, and the refusal is an explained page", async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'dsl.oakfield');
    const answer = await page.goto('/app/social-care/referrals');
    expect(answer?.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('You cannot see or change this record');
    expect(onTime).toBeDefined();
    await context.close();
  });
});
