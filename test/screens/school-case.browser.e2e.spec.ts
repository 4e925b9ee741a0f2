import type { Page } from 'playwright-core';
import { steps } from '@app/domain/testing';
import { giveMentoringConsent, registerChild, schoolApi, stepBodyOf } from '../../bench/pages/school-cases';
import { expectAccessible, keepScreenshot, openScreens, type Screens, signIn } from './support/browser';

/**
 * A learning mentor's case walked in the browser from the Primary Assessment Profile to the
 * follow-up, every R.A.F.I.E. step through its page. The suite's clock stands at 1 December
 * 2026: each step's own date is left as the form fills it in (today), later dates are typed.
 */
// Some twenty pages, each checked by axe, on a shared 2-core machine.
jest.setTimeout(480_000);

const MENTOR = 'by Priya Shah (learning mentor)';

describe('a learning-mentor case from profile to follow-up, in Chromium', () => {
  let screens: Screens;
  let referralId: string;

  beforeAll(async () => {
    screens = await openScreens('screens_school_case');
    const api = schoolApi(screens.baseUrl, (userId) => screens.platform.tokenFor(userId));
    const childId = await registerChild(api, 'Ruby', 'Okafor');
    await giveMentoringConsent(api, childId, '2026-09-07', '2027-07-23');
    // Referred by her teacher without the profile: the mentor completes it before triage.
    const made = await api.post(
      '/referrals',
      stepBodyOf(steps.refer, { childId, referredOn: '2026-11-16', profile: undefined }),
      'mentor.oakfield',
    );
    referralId = String(made.referralId);
  }, 120_000);
  afterAll(async () => {
    await screens?.close();
  });

  const task = (page: Page, name: string) =>
    page.locator('.govuk-task-list__item', {
      has: page.locator('.govuk-task-list__name-and-hint', { hasText: new RegExp(`^\\s*${name}\\s*$`) }),
    });
  const date = async (page: Page, field: string, iso: string) => {
    const [year, month, day] = iso.split('-');
    await page.locator(`#${field}-day`).fill(String(Number(day)));
    await page.locator(`#${field}-month`).fill(String(Number(month)));
    await page.locator(`#${field}-year`).fill(year);
  };
  /** Opens a step from the case's task list, checked and kept as a screenshot once filled in by `fill`. */
  const takeStep = async (page: Page, name: string, screenshot: string, fill: () => Promise<void>) => {
    await task(page, name).getByRole('link', { name }).click();
    await fill();
    await expectAccessible(page);
    await keepScreenshot(page, screenshot);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForLoadState();
    // Refused, the page says why: the test says so too, rather than only that the case did not come back.
    expect({
      step: name,
      refused: await page.locator('.govuk-error-summary, h1:has-text("This record has changed")').allTextContents(),
    }).toEqual({ step: name, refused: [] });
    await page.waitForURL(/\/app\/referrals\/[0-9a-f-]{36}\?done=/);
  };
  const latest = (page: Page) => page.locator('.moj-timeline__item').first().textContent();
  const session = async (page: Page) => {
    await task(page, 'Sessions').getByRole('link', { name: 'Sessions' }).click();
    await page.getByLabel('One-to-one').check();
    await page.getByLabel('Yes').check();
    await page.getByLabel('Session note').fill('Talked about what will carry on after mentoring ends');
    await page.getByLabel('What I saw or heard myself').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/done=sessions/);
  };

  it('before triage only the profile and the triage can start: later steps say so and are not links', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'mentor.oakfield');
    await page.goto(`/app/referrals/${referralId}`);
    for (const name of ['Assessment', 'Targets', 'Action plan', 'Reviews', 'Ending', 'Exit', 'Follow-up']) {
      expect(await task(page, name).textContent()).toContain('Cannot start yet');
      expect(await task(page, name).getByRole('link').count()).toBe(0);
    }

    // The profile sent with attendance left blank: the error summary asks for it, linked to its box.
    await task(page, 'Primary Assessment Profile').getByRole('link', { name: 'Primary Assessment Profile' }).click();
    await page.getByLabel('Late arrivals this term').fill('9');
    await page.getByRole('button', { name: 'Save' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Enter attendance as a percentage']);
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#profileAttendance');
    expect(await page.getByLabel('Late arrivals this term').inputValue()).toBe('9');
    await expectAccessible(page);
    await keepScreenshot(page, 'school-step-profile-errors');

    await page.getByLabel('Attendance this term (%)').fill('86.5');
    await page.getByLabel('Behaviour incidents this term').fill('5');
    await page.getByLabel('Fixed-term exclusions').fill('0');
    await page.getByLabel('Below target', { exact: true }).check();
    await page.getByLabel('Young carer').check();
    await page.getByLabel('Teacher assessment (optional)').fill('Working towards the expected standard in writing');
    await expectAccessible(page);
    await keepScreenshot(page, 'school-step-profile');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/done=profile/);
    expect(await latest(page)).toMatch(
      new RegExp(`Primary Assessment Profile completed[\\s\\S]*${MENTOR.replace(/[()]/g, '\\$&')}`),
    );
    await context.close();

    // The SENCo puts Ruby on the register with Priya as her mentor.
    const senco = await (await screens.context()).newPage();
    await signIn(senco, 'senco.oakfield');
    await senco.goto(`/app/referrals/${referralId}/triage`);
    await senco.getByLabel('Accept onto the Learning Mentor Pupil Register').check();
    await senco.getByLabel('Medium', { exact: true }).check();
    await senco.getByLabel('2 – targeted, single agency (learning mentors)').check();
    await senco.locator('#baeCategory-2').check();
    await senco.getByLabel('Learning mentor', { exact: true }).selectOption('mentor.oakfield');
    await senco.getByLabel('One-to-one').check();
    await senco.getByRole('button', { name: 'Save' }).click();
    await senco.waitForURL(/done=triage/);
    await senco.context().close();
  });

  it('the mentor takes the case from the agreement to the follow-up, page by page, and the timeline names who did each', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'mentor.oakfield');
    await page.goto(`/app/referrals/${referralId}`);
    expect(await task(page, 'Assessment').getByRole('link').count()).toBe(0);

    await takeStep(page, 'Mentoring agreement', 'school-step-agreement', async () => {
      await page.getByLabel('The limits of confidentiality were explained').check();
      await page.getByLabel('Signed by the child').check();
      await page.getByLabel('Signed by the mentor').check();
    });

    // The assessment: the baseline comes from the profile; the statement of need left blank is asked for by name.
    await task(page, 'Assessment').getByRole('link', { name: 'Assessment' }).click();
    expect(await page.getByLabel('Attendance (%)').inputValue()).toBe('86.5');
    await page.getByLabel('Strengths').fill('Kind to younger pupils\nLoves drawing');
    await page
      .getByLabel('Needs', { exact: true })
      .fill('Late most mornings after caring for her brother\nWorried about tests');
    await page.getByLabel("The child's view").fill('I want to get here before the bell');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').getByRole('link').allTextContents()).toEqual([
      'Enter the statement of need',
    ]);
    expect(await page.locator('.govuk-error-summary').getByRole('link').first().getAttribute('href')).toBe(
      '#needsStatement',
    );
    expect(await page.locator('#needsStatement-error').textContent()).toContain('Enter the statement of need');
    await expectAccessible(page);
    await keepScreenshot(page, 'school-step-assessment-errors');
    await page
      .getByLabel('Statement of need')
      .fill('Ruby needs support to arrive on time and to feel calmer about tests');
    await page.getByLabel('Assessment tools used (optional)').fill('Boxall profile');
    await expectAccessible(page);
    await keepScreenshot(page, 'school-step-assessment');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/done=assessment/);

    await takeStep(page, 'Targets', 'school-step-targets', async () => {
      await page.getByLabel('Goal').fill('Ruby arrives on time and feels ready for her tests');
      await page.locator('#target1Description').fill('Arrive before the register closes');
      await page.locator('#target1Measure').fill('On time 4 days out of 5 for 3 weeks');
      await page.locator('#target1Owner').fill('Ruby, with the breakfast club');
      await date(page, 'target1DueOn', '2027-01-08');
      await page.locator('#target2Description').fill('Use a calming plan before tests');
      await page.locator('#target2Measure').fill('Plan used before each test, told to her teacher');
      await page.locator('#target2Owner').fill('Learning mentor');
      await date(page, 'target2DueOn', '2027-01-08');
    });
    expect(await latest(page)).toContain('2 SMART targets');

    await takeStep(page, 'Action plan', 'school-step-action-plan', async () => {
      expect(await page.getByLabel('Arrive before the register closes').isChecked()).toBe(true);
      await page.getByLabel('Strategies').fill('Breakfast club place\nWeekly one-to-one on worries about tests');
      await page.getByLabel('Services that support the plan').fill('Breakfast club\nYoung carers service');
      await page.getByLabel('Short: up to 6 weeks').check();
      await date(page, 'plannedEndOn', '2027-01-08');
      await date(page, 'reviewOn', '2026-12-15');
    });

    await takeStep(page, 'Reviews', 'school-step-review', async () => {
      await page
        .locator('fieldset', { hasText: 'Target 1: Arrive before the register closes' })
        .first()
        .getByLabel('Achieved')
        .check();
      await page
        .locator('fieldset', { hasText: 'Target 2: Use a calming plan before tests' })
        .first()
        .getByLabel('Good progress')
        .check();
      await page.getByLabel('Begin the ending').check();
      await page.getByLabel("The child's view (optional)").fill('I feel better about mornings');
    });
    expect(await latest(page)).toMatch(/Review held[\s\S]*Outcome: begin ending/);

    await takeStep(page, 'Ending', 'school-step-ending', async () => {
      await page.getByLabel('Sessions remaining').fill('3');
      await date(page, 'endOn', '2026-12-19');
      await page.getByLabel('Sessions further apart').check();
      await page.getByLabel('Drop-in sessions instead').check();
    });
    expect(await task(page, 'Ending').textContent()).toContain('0 of 3 sessions held');

    // Closing before the three sessions the ending announced: the API's 409 is answered on the form, by its field.
    await task(page, 'Exit').getByRole('link', { name: 'Exit' }).click();
    await page.getByLabel('Planned ending').check();
    await page.getByLabel('Attendance (%)').fill('94');
    await page.getByLabel('Behaviour incidents').fill('1');
    await date(page, 'followUpDueOn', '2027-02-01');
    const refused = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Save' }).click();
    expect((await refused).status()).toBe(409);
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').getByRole('link').first().getAttribute('href')).toBe(
      '#reasonDetail',
    );
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'The sessions the planned ending announced have not all been held',
    );
    expect(await page.getByLabel('Attendance (%)').inputValue()).toBe('94');
    await expectAccessible(page);
    await keepScreenshot(page, 'school-step-exit-errors');

    await page.goto(`/app/referrals/${referralId}`);
    for (let held = 0; held < 3; held += 1) await session(page);
    expect(await task(page, 'Ending').textContent()).toContain('3 of 3 sessions held');

    await takeStep(page, 'Exit', 'school-step-exit', async () => {
      await page.getByLabel('Planned ending').check();
      await page.getByLabel('Attendance (%)').fill('94');
      await page.getByLabel('Behaviour incidents').fill('1');
      await page.getByLabel('Fixed-term exclusions (optional)').fill('0');
      await page.getByLabel('Evaluation (optional)').fill('On time most days; calmer before tests');
      await date(page, 'followUpDueOn', '2027-02-01');
    });
    expect(await latest(page)).toMatch(/Case closed \(exit\)[\s\S]*Reason: planned ending/);
    for (const name of ['Sessions', 'Reviews', 'Exit'])
      expect(await task(page, name).getByRole('link').count()).toBe(0);

    await takeStep(page, 'Follow-up', 'school-step-follow-up', async () => {
      await page.getByLabel('Progress sustained').check();
      await page.getByLabel('Attendance (%)').fill('95');
      await page.getByLabel('Behaviour incidents').fill('0');
      await page.getByLabel('Note (optional)').fill('Still on time; using her calming plan');
    });
    expect(await task(page, 'Follow-up').textContent()).toContain('Progress sustained');

    // Every step on the timeline, newest first, each by the person who recorded it.
    const timeline = await page.locator('.moj-timeline__item').allTextContents();
    const who = (label: string) => timeline.find((item) => item.includes(label))?.match(/by ([^\n]+?)\s*$/m)?.[1];
    for (const label of [
      'Mentoring agreement signed',
      'Assessment recorded',
      'Targets set',
      'Action plan agreed',
      'Review held',
      'Ending planned',
      'Case closed (exit)',
      'Follow-up recorded',
      'Primary Assessment Profile completed',
    ]) {
      expect({ label, by: who(label) }).toEqual({ label, by: 'Priya Shah (learning mentor)' });
    }
    expect({ label: 'Referral triaged', by: who('Referral triaged') }).toEqual({
      label: 'Referral triaged',
      by: 'Tom Evans (SENCo)',
    });
    await expectAccessible(page);
    await keepScreenshot(page, 'school-step-case-closed');
    await context.close();
  });
});
