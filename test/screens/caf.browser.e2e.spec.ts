import { parentalConsentTo } from '../support/consent-fixtures';
import { apiAs, movableClock, registerChild } from './support/api-seed';
import { expectAccessible, keepScreenshot, openScreens, type Screens, signIn } from './support/browser';

const cafConsent = parentalConsentTo(
  'A common assessment with the agencies around the family',
  'Oakfield, school nursing, education welfare',
  {
    purposes: ['common-assessment'],
    recipients: ['school-oakfield', 'health', 'education-welfare'],
    categories: ['education', 'health', 'family-circumstances'],
  },
);

/** The lead professional's CAF in the browser, and the family-held copy printed. */
describe('the lead professional in the browser: a CAF, its plan, a review, the family copy, a hand-over', () => {
  let screens: Screens;
  const time = movableClock('2026-12-01T09:00:00Z');
  let cafId: string;

  beforeAll(async () => {
    screens = await openScreens('screens_caf', {}, { clock: time.clock });
    const api = apiAs(screens.platform);
    const childId = await registerChild(screens.platform, 'Leon', 'Example');
    expect((await api.post('senco.oakfield', `/children/${childId}/consents`, cafConsent)).status).toBe(201);
    cafId = (
      await api.post('mentor.oakfield', '/cafs', {
        childId,
        startedOn: '2026-12-01',
        reasonForAssessment: 'Caring for his mother; attendance falling',
      })
    ).body.cafId;
    const step = async (userId: string, name: string, body: object) => {
      const answer = await api.post(userId, `/cafs/${cafId}/${name}`, body);
      if (answer.status !== 200) throw new Error(`${name}: ${answer.status} ${JSON.stringify(answer.body)}`);
    };
    await step('mentor.oakfield', 'contributions', {
      domain: 'development-of-the-child',
      element: 'learning',
      text: 'Falling behind in maths; bright when present',
      recordedOn: '2026-12-01',
    });
    await step('practitioner.health', 'contributions', {
      domain: 'parents-and-carers',
      element: 'basic-care',
      text: 'Mother has MS; Leon prepares her medication',
      recordedOn: '2026-12-01',
    });
    await step('lead.professional', 'contributions', {
      domain: 'family-and-environment',
      element: 'housing-employment-and-finance',
      text: 'Two penalty warnings considered',
      recordedOn: '2026-12-01',
      withheldFromFamily: { reason: 'Enforcement not yet discussed with the family' },
    });
    await step('mentor.oakfield', 'views', {
      whose: 'child',
      views: 'I want to keep looking after Mum but I want to do well at school',
      recordedOn: '2026-12-01',
    });
    await step('mentor.oakfield', 'completion', {
      completedOn: '2026-12-01',
      summary: 'A young carer needing support at home and in school',
    });
    await step('mentor.oakfield', 'tac-meetings', {
      heldOn: '2026-12-01',
      attendees: ['mentor.oakfield', 'practitioner.health', 'lead.professional'],
      familyPresent: true,
      notes: 'Plan agreed with Leon and his mother',
      nextReviewOn: '2026-12-08',
    });
    await step('mentor.oakfield', 'lead-professional', {
      leadProfessional: 'lead.professional',
      appointedOn: '2026-12-01',
      agreedWithFamily: true,
    });
    await step('lead.professional', 'actions', {
      action: 'Young carers assessment and respite referral',
      ownerAgencyId: 'health',
      dueBy: '2026-12-04',
      agreedOn: '2026-12-01',
    });
    await step('lead.professional', 'actions', {
      action: 'Weekly mentoring and a homework club place',
      ownerAgencyId: 'school-oakfield',
      dueBy: '2027-01-08',
      agreedOn: '2026-12-01',
    });
    time.advanceDays(9);
  }, 90_000);
  afterAll(async () => {
    await screens?.close();
  });

  it('lists the CAFs the lead professional leads, and shows one: contributions by domain with who contributed, the team, the plan by agency with the overdue action', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'lead.professional');
    await page.getByRole('link', { name: 'CAFs you lead' }).first().click();
    await page.waitForURL('**/app/cafs');
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr .govuk-tag--red').textContent()).toBe('1');
    await expectAccessible(page);
    await keepScreenshot(page, 'caf-led');

    await page.locator('tbody tr').getByRole('link').click();
    await page.waitForURL(`**/app/cafs/${cafId}`);
    const main = page.locator('main');
    expect(await main.textContent()).toContain('1 action is overdue.');
    const health = page.locator('table', {
      has: page.locator('caption', { hasText: 'School Nursing and CAMHS: 1 open, 1 overdue' }),
    });
    expect(await health.locator('.govuk-tag--red').textContent()).toBe('Overdue');
    expect(await main.textContent()).toContain('Mother has MS; Leon prepares her medication');
    expect(await page.locator('.govuk-summary-list__row', { hasText: 'Basic care' }).textContent()).toMatch(
      /Practitioner \(health\)|practitioner/i,
    );
    expect(
      await page
        .locator('.govuk-summary-list__key', { hasText: 'Next review' })
        .locator('..')
        .locator('.govuk-tag--red')
        .textContent(),
    ).toBe('Overdue');
    expect(
      await page
        .locator('table', { has: page.locator('caption', { hasText: 'Practitioners on the team' }) })
        .locator('tbody tr')
        .count(),
    ).toBe(3);
    await expectAccessible(page);
    await keepScreenshot(page, 'caf');
    await context.close();
  });

  it('records a review through its form: an empty summary is named, then the review is on the CAF', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'lead.professional');
    await page.goto(`/app/cafs/${cafId}`);
    await page.getByRole('link', { name: 'Record a review' }).click();
    await page.getByRole('button', { name: 'Record' }).click();
    expect(await page.locator('.govuk-error-summary a').first().getAttribute('href')).toBe('#summary');
    await expectAccessible(page);
    await page.getByLabel('What the review found').fill('Respite in place; attendance up to 90%');
    await page.getByLabel(/Next review/).fill('2027-01-12');
    await page.getByRole('button', { name: 'Record' }).click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === `/app/cafs/${cafId}?recorded=reviews`);
    expect(await page.locator('main').textContent()).toContain(
      'Review 10 December 2026: Respite in place; attendance up to 90%',
    );
    expect(
      await page.locator('.govuk-summary-list__key', { hasText: 'Next review' }).locator('..').textContent(),
    ).toContain('12 January 2027');
    await context.close();
  });

  it('prints the family-held copy: what the family may see, and only the document', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'lead.professional');
    await page.goto(`/app/cafs/${cafId}`);
    await page.getByRole('link', { name: 'The family-held copy, to print' }).click();
    await page.waitForURL(`**/app/cafs/${cafId}/family-copy`);
    const text = await page.locator('main').textContent();
    expect(text).toContain('Leon prepares her medication');
    expect(text).not.toContain('penalty warnings');
    await expectAccessible(page);
    await keepScreenshot(page, 'caf-family-copy');
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.govuk-service-navigation', '.govuk-footer', '.govuk-back-link', '.app-session-timeout'])
      expect(await page.locator(chrome).first().isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    await keepScreenshot(page, 'caf-family-copy-print');
    await context.close();
  });

  it("hands over to a social worker: the CAF leaves the lead professional's list", async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'lead.professional');
    await page.goto(`/app/cafs/${cafId}/hand-over`);
    await page.getByLabel('New lead professional').selectOption('social.worker');
    await page.getByLabel('Why it is handed over').fill('Needs have escalated: a child in need assessment has begun');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Record' }).click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === `/app/cafs/${cafId}?recorded=hand-over`);
    const lead = page.locator('.govuk-summary-list__row', {
      has: page.locator('.govuk-summary-list__key', { hasText: /^\s*Lead professional\s*$/ }),
    });
    expect(await lead.textContent()).toContain('Chris Dale (social worker)');
    await page.goto('/app/cafs');
    expect(await page.locator('main').textContent()).toContain('You do not lead any open CAF.');
    await context.close();
  });
});
