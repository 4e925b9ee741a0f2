import type { Page } from 'playwright-core';
import {
  giveMentoringConsent,
  refer,
  registerChild,
  schoolApi,
  triageOnto,
  walkToFollowUp,
} from '../../bench/pages/school-cases';
import { expectAccessible, keepScreenshot, openScreens, type Screens, signIn } from './support/browser';

/** The school's screens walked as the SENCo and the learning mentor work them. */
// A walk of many pages on a shared 2-core machine: minutes, not the default minute.
jest.setTimeout(240_000);

describe('school screens: triage, caseload, the case, consent, reviews, endings and outcomes, in Chromium', () => {
  let screens: Screens;
  let childId: string;
  let referralId: string;

  beforeAll(async () => {
    screens = await openScreens('screens_school');
    const api = schoolApi(screens.baseUrl, (userId) => screens.platform.tokenFor(userId));
    // Amelia waits for triage, without consent yet; Amira's case ran its whole course last spring.
    childId = await registerChild(api, 'Amelia', 'Thornbury');
    referralId = await refer(api, childId, '2026-11-20');
    const amira = await registerChild(api, 'Amira', 'Example');
    await giveMentoringConsent(api, amira, '2026-09-07', '2027-07-23');
    const closed = await refer(api, amira);
    await triageOnto(api, closed);
    await walkToFollowUp(api, closed);
  }, 120_000);
  afterAll(async () => {
    await screens?.close();
  });

  const visit = async (page: Page, path: string, screenshot?: string) => {
    const answer = await page.goto(path);
    await expectAccessible(page);
    if (screenshot) await keepScreenshot(page, screenshot);
    return answer;
  };

  it('the SENCo records the consent with the Box 14 questions, triages the referral, and a stale form is a 409 offering a reload', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'senco.oakfield');
    await page.locator('.govuk-service-navigation').getByRole('link', { name: 'Referrals to triage' }).click();
    await expectAccessible(page);
    await keepScreenshot(page, 'school-triage-list');
    const row = page.locator('tr', { hasText: 'Amelia Thornbury' });
    expect(await row.count()).toBe(1);

    // The case page: the task list says consent is not in place.
    await row.getByRole('link', { name: 'Amelia Thornbury' }).first().click();
    expect(await page.locator('.govuk-task-list__item', { hasText: 'Consent' }).textContent()).toContain(
      'Not in place',
    );
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Consent' }).click();
    expect(new URL(page.url()).pathname).toBe(`/app/children/${childId}/consents`);

    // Sent without what the parent was told: the error summary names the Box 14 question, linked to its field.
    await page.getByLabel("Parent or carer's name").fill('Jo Thornbury');
    await page.getByLabel('Relationship to the child').selectOption('mother');
    const expires = page.locator('#expiresOn-day').locator('xpath=ancestor::div[contains(@class,"govuk-date-input")]');
    await expires.getByLabel('Day').fill('23');
    await expires.getByLabel('Month').fill('7');
    await expires.getByLabel('Year').fill('2027');
    await page.getByLabel('Learning mentor support').check();
    await page.getByLabel('This school').check();
    for (const category of ['Education', 'Attendance', 'Behaviour'])
      await page.getByLabel(category, { exact: true }).check();
    await page.getByLabel('Document reference (written consent)').fill('consent-form-2026-077');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const firstLink = summary.getByRole('link').first();
    expect(await firstLink.textContent()).toMatch(/purpose/);
    expect(await firstLink.getAttribute('href')).toBe('#informedPurpose');
    expect(await page.locator('#informedPurpose').count()).toBe(1);
    // What was typed is kept.
    expect(await page.getByLabel("Parent or carer's name").inputValue()).toBe('Jo Thornbury');
    expect(await page.getByLabel('Learning mentor support').isChecked()).toBe(true);
    await expectAccessible(page);
    await keepScreenshot(page, 'school-consent-errors');

    await page
      .getByLabel('Purpose: why the information is needed')
      .fill('Learning mentor support for attendance and confidence');
    await page.getByLabel('Use: how it will be used').fill('Planning and reviewing one-to-one mentoring');
    await page
      .getByLabel('Recipients: who it may be shared with, and how')
      .fill('Oakfield Primary learning mentor team');
    await page
      .getByLabel('Retention: how long it is kept, and in what form')
      .fill('Until the case closes plus six years');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.waitForURL(/\/app\/referrals\//);
    expect(await page.locator('.govuk-task-list__item', { hasText: 'Consent' }).textContent()).toContain('In place');

    // Triage: an empty decision is refused field by field.
    await page.goto(`/app/referrals/${referralId}/triage`);
    const stale = await context.newPage();
    await stale.goto(`/app/referrals/${referralId}/triage`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').getByRole('link').allTextContents()).toEqual([
      'Select the priority',
      'Select the level of need',
      'Select the B.A.E. category',
      'Select a decision',
    ]);
    expect(
      await page
        .locator('.govuk-error-summary')
        .getByRole('link', { name: 'Select the priority' })
        .getAttribute('href'),
    ).toBe('#priority');
    await expectAccessible(page);
    await keepScreenshot(page, 'school-triage-errors');

    await page.getByLabel('Accept onto the Learning Mentor Pupil Register').check();
    await page.getByLabel('High', { exact: true }).check();
    await page.getByLabel('2 – targeted, single agency (learning mentors)').check();
    await page.locator('#baeCategory-2').check();
    await page.getByLabel('Learning mentor', { exact: true }).selectOption('mentor.oakfield');
    await page.getByLabel('One-to-one').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`/app/referrals/${referralId}\\?done=triage`));
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Triage the referral: recorded',
    );
    expect(await page.locator('.moj-timeline__item').first().textContent()).toMatch(
      /Referral triaged[\s\S]*by Tom Evans \(SENCo\)/,
    );

    // The second tab's form was read before the triage: sending it is a 409 that explains and offers a reload.
    await stale.getByLabel('Decline').check();
    await stale.getByLabel('Low').check();
    await stale.getByLabel('1 – universal').check();
    await stale.locator('#baeCategory').check();
    await stale.getByLabel('Reason', { exact: true }).fill('Needs are met in class');
    await stale.getByRole('button', { name: 'Save' }).click();
    expect(await stale.locator('h1').textContent()).toBe('This record has changed');
    expect(await stale.getByRole('button', { name: 'Reload the page' }).getAttribute('href')).toBe(
      `/app/referrals/${referralId}/triage`,
    );
    await expectAccessible(stale);
    await keepScreenshot(stale, 'error-409');
    await context.close();
  });

  it('the mentor sees the case on the caseload, signs the agreement and records a session, and the timeline says who', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'mentor.oakfield');
    await page.locator('.govuk-service-navigation').getByRole('link', { name: 'My caseload' }).click();
    const row = page.locator('tr', { hasText: 'Amelia Thornbury' });
    expect(await row.textContent()).toContain('High');
    expect(await page.locator('.govuk-warning-text').count()).toBe(0);
    await expectAccessible(page);
    await keepScreenshot(page, 'school-caseload');

    await row.getByRole('link', { name: 'Amelia Thornbury' }).click();
    await page.getByRole('link', { name: 'Mentoring agreement' }).click();
    await page.getByLabel('The limits of confidentiality were explained').check();
    await page.getByLabel('Signed by the child').check();
    await page.getByLabel('Signed by the mentor').check();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/done=mentoring-agreement/);

    await page.getByRole('link', { name: 'Sessions' }).click();
    await page.getByLabel('One-to-one').check();
    await page.getByLabel('Yes').check();
    await page.getByLabel('Length in minutes (optional)').fill('45');
    await page.getByLabel('Session note').fill('Talked through the morning routine; breakfast club from Monday');
    await page.getByLabel('What I saw or heard myself').check();
    await expectAccessible(page);
    await keepScreenshot(page, 'school-session-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/done=sessions/);
    expect(await page.locator('.govuk-task-list__item', { hasText: 'Sessions' }).textContent()).toContain(
      '1 attended, 0 missed',
    );
    expect(await page.locator('.moj-timeline__item').first().textContent()).toMatch(
      /Session recorded[\s\S]*by Priya Shah \(learning mentor\)/,
    );
    await expectAccessible(page);
    await keepScreenshot(page, 'school-case');

    const caseload = await page.goto(`/app/schools/school-oakfield/caseloads/mentor.oakfield`);
    expect(caseload?.status()).toBe(200);
    expect(await page.locator('tr', { hasText: 'Amelia Thornbury' }).textContent()).toMatch(/\d{1,2} \w+ 2026/);
    await context.close();
  });

  it('reviews, endings and follow-ups, and outcomes at referral against exit as a table and an SVG chart', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'senco.oakfield');
    await visit(page, '/app/schools/school-oakfield/reviews', 'school-reviews');
    expect(await page.locator('h1').textContent()).toBe('Reviews due and overdue');
    await visit(page, '/app/schools/school-oakfield/endings', 'school-endings');
    await visit(page, '/app/schools/school-oakfield/outcomes', 'school-outcomes');
    expect(await page.locator('svg.app-chart').count()).toBe(2);
    expect(await page.locator('svg.app-chart').first().getAttribute('aria-label')).toBe(
      'Average attendance: at referral 84.5%, at exit 93%',
    );
    expect(await page.locator('tr', { hasText: 'Amira Example' }).textContent()).toContain('84.5 → 93');
    await visit(page, '/app/schools/school-oakfield/caseloads', 'school-caseloads');
    expect(await page.locator('tr', { hasText: 'Priya Shah' }).textContent()).toContain('Within 15');
    await context.close();
  });

  it("another school's SENCo is refused: the page says there is no relationship and that the attempt was recorded, and it was", async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'senco.riverside');
    const answer = await visit(page, `/app/referrals/${referralId}`, 'error-403');
    expect(answer?.status()).toBe(403);
    expect(await page.locator('main').textContent()).toMatch(
      /do not have a relationship to this child[\s\S]*recorded in the access log/,
    );
    const [refused] = await screens.platform.runtime.dataSource.query(
      `SELECT user_id, child_id, resource, outcome FROM access.access_log WHERE user_id = 'senco.riverside' ORDER BY seq DESC LIMIT 1`,
    );
    expect(refused).toEqual({
      user_id: 'senco.riverside',
      child_id: childId,
      resource: 'GET /app/referrals/:referralId',
      outcome: 'refused',
    });
    const list = await visit(page, '/app/schools/school-oakfield/triage');
    expect(list?.status()).toBe(403);
    await context.close();
  });

  it('a page that shows a child is an audited read: the case page and the triage list are in the access log with the child', async () => {
    const rows: Array<{ resource: string; basis: string }> = await screens.platform.runtime.dataSource.query(
      `SELECT l.resource, l.basis FROM access.access_log l
        WHERE l.user_id = 'senco.oakfield' AND l.outcome = 'allowed'
          AND (l.child_id = $1 OR EXISTS (SELECT 1 FROM access.access_log_named_children n WHERE n.seq = l.seq AND n.child_id = $1))
        ORDER BY l.seq`,
      [childId],
    );
    const resources = rows.map((r) => r.resource);
    expect(resources).toEqual(
      expect.arrayContaining([
        'GET /app/schools/:schoolId/triage',
        'GET /app/referrals/:referralId',
        'POST /app/referrals/:referralId/:step',
        'POST /app/children/:childId/consents',
      ]),
    );
  });
});
