import type { BrowserContext, Page } from 'playwright-core';
import { eventually, movableClock, registerChild } from './support/api-seed';
import { expectAccessible, keepScreenshot, openScreens, type Screens, signIn } from './support/browser';

/**
 * ADR 017's school side in Chromium: the DSL links a parent to a child on evidence from the
 * child's page, the family domain's refusals named on the form; the parent then sees the child
 * at home, until the DSL unlinks them with a reason.
 */
describe('the DSL links a family account to a child, and unlinks it, in the browser', () => {
  let screens: Screens;
  const time = movableClock('2026-12-01T09:00:00Z');
  const contexts: BrowserContext[] = [];
  let leon: string;

  const as = async (userId: string): Promise<Page> => {
    const context = await screens.context();
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, userId);
    return page;
  };
  /**
   * The links are a read model: the page is reloaded until it shows what was recorded. A reload
   * that races the form's own redirect is refused by the browser ("not attached to an active
   * page"): it is tried again at the next turn, and the walk still fails if the page never shows it.
   */
  const reloadUntil = (page: Page, shown: () => Promise<boolean>) =>
    eventually(
      async () =>
        (await page.reload().then(
          () => true,
          () => false,
        )) && shown(),
    );
  const errorSummary = (page: Page) => page.locator('.govuk-error-summary');

  beforeAll(async () => {
    screens = await openScreens('screens_family_links', {}, { clock: time.clock });
    leon = await registerChild(screens.platform, 'Leon', 'Smith');
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await screens?.close();
  });

  it('links parent.demo with evidence, each refusal named on the form; the parent sees the child until unlinked', async () => {
    const dsl = await as('dsl.oakfield');
    await dsl.goto(`/app/children/${leon}`);
    await dsl.getByRole('link', { name: 'Family accounts that see this record' }).click();
    expect(new URL(dsl.url()).pathname).toBe(`/app/children/${leon}/family-links`);
    expect(await dsl.locator('main').textContent()).toContain('No family account is linked to Leon Smith.');
    await expectAccessible(dsl);

    await dsl.getByLabel('Jo Smith (parent)').check();
    await dsl.getByRole('radio', { name: 'Parent or carer' }).check();
    await dsl.getByLabel('Their relationship to the child').selectOption('mother');
    await dsl.getByLabel('Admission form').check();
    await dsl.getByLabel('Day').fill('27');
    await dsl.getByLabel('Month').fill('11');
    await dsl.getByLabel('Year').fill('2026');
    await dsl.getByRole('button', { name: 'Link the account' }).click();
    // The family domain's rule, as a field error on the form: a 400, never a 500.
    const unchecked = errorSummary(dsl).getByRole('link');
    expect(await unchecked.getAttribute('href')).toBe('#evidence.checked');
    expect(await unchecked.textContent()).toContain('parental responsibility is confirmed');
    await expectAccessible(dsl);

    // What was sent is on the form again: only the missing tick is added.
    await dsl.getByLabel('Parental responsibility').check();
    await dsl.getByRole('button', { name: 'Link the account' }).click();
    const blank = errorSummary(dsl).getByRole('link');
    expect(await blank.getAttribute('href')).toBe('#evidence.documentRef');
    expect(await blank.textContent()).toBe('Enter where the document you checked is kept');
    expect(await dsl.locator('#evidence\\.documentRef-error').textContent()).toContain(
      'Enter where the document you checked is kept',
    );
    await expectAccessible(dsl);

    await dsl.getByLabel('Where is the document you checked kept?').fill('admission-form-2019-044');
    await dsl.getByRole('button', { name: 'Link the account' }).click();
    expect(new URL(dsl.url()).pathname).toBe(`/app/children/${leon}/family-links`);
    const card = dsl.locator('.govuk-summary-card', { hasText: 'Jo Smith (parent)' });
    await reloadUntil(dsl, async () => (await card.count()) === 1);
    const linked = await card.textContent();
    expect(linked).toContain('Parent or carer (mother)');
    expect(linked).toContain('Parental responsibility, Admission form, on 27 November 2026');
    expect(linked).toContain('admission-form-2019-044');
    expect(linked).toContain('by Grace Okafor');
    expect(await card.locator('.govuk-tag').textContent()).toBe('Linked');
    await expectAccessible(dsl);
    await keepScreenshot(dsl, 'dsl-family-links');

    const parent = await as('parent.demo');
    expect(new URL(parent.url()).pathname).toBe('/app/family');
    await reloadUntil(parent, async () => (await parent.locator('h2').allTextContents()).includes('Leon Smith'));
    await expectAccessible(parent);

    await card.getByRole('button', { name: 'Unlink Jo Smith (parent)' }).click();
    const noReason = errorSummary(dsl).getByRole('link');
    expect(await noReason.textContent()).toBe('Enter why the account is unlinked');
    const reasonBox = (await noReason.getAttribute('href'))!.slice(1);
    expect(reasonBox).toMatch(/^reason-[0-9a-f-]{36}$/);
    expect(await dsl.locator(`[id="${reasonBox}"]`).getAttribute('name')).toBe('reason');
    await expectAccessible(dsl);
    await dsl.getByLabel('Why unlink Jo Smith (parent)?').fill('A court order now limits contact');
    await dsl.getByRole('button', { name: 'Unlink Jo Smith (parent)' }).click();
    await reloadUntil(dsl, async () => (await card.locator('.govuk-tag').textContent()) === 'Unlinked');
    const ended = await card.textContent();
    expect(ended).toContain('Unlinked on1 December 2026 by Grace Okafor (DSL): A court order now limits contact');
    expect(await card.getByRole('button').count()).toBe(0);
    await expectAccessible(dsl);

    await reloadUntil(parent, async () => !(await parent.locator('h2').allTextContents()).includes('Leon Smith'));
    expect(await parent.locator('main').textContent()).toContain('Your account is not linked to a child yet.');
    expect((await parent.goto(`/app/family/children/${leon}/caf`))?.status()).toBe(403);
  }, 180_000);

  it('keeps the page to the DSL and head teacher: the mentor is refused with a 403 page', async () => {
    const mentor = await as('mentor.oakfield');
    await mentor.goto(`/app/children/${leon}`);
    expect(await mentor.getByRole('link', { name: 'Family accounts that see this record' }).count()).toBe(0);
    expect((await mentor.goto(`/app/children/${leon}/family-links`))?.status()).toBe(403);
    const head = await as('head.oakfield');
    expect((await head.goto(`/app/children/${leon}/family-links`))?.status()).toBe(200);
  }, 60_000);
});
