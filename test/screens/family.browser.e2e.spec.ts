import type { BrowserContext, Page } from 'playwright-core';
import { BOX_16_CHECKLIST, GOLDEN_RULES } from '@app/domain';
import { parentalConsent } from '../support/consent-fixtures';
import { apiAs, eventually, movableClock } from './support/api-seed';
import { expectAccessible, keepScreenshot, openScreens, type Screens, signIn } from './support/browser';

const allAnswered = { answers: [...BOX_16_CHECKLIST, ...GOLDEN_RULES].map((item) => ({ item, answer: 'yes' })) };
const gillick = [
  'understands-what-is-proposed',
  'understands-the-consequences',
  'can-weigh-up-and-decide',
  'decides-free-of-pressure',
].map((criterion) => ({ criterion, met: true }));
const cafConsent = {
  ...parentalConsent,
  decidedOn: '2026-11-20',
  informed: { ...parentalConsent.informed, purpose: 'A common assessment at Oakfield', recipients: 'Oakfield staff' },
  scope: {
    purposes: ['common-assessment'],
    recipients: ['school-oakfield'],
    categories: ['education', 'health', 'family-circumstances'],
  },
};
const nurseConsent = {
  ...parentalConsent,
  decidedOn: '2026-11-20',
  informed: {
    ...parentalConsent.informed,
    purpose: 'Telling the school nurse about home',
    recipients: 'School nursing',
  },
  scope: {
    purposes: ['information-sharing'],
    recipients: ['health'],
    categories: ['identity', 'family-circumstances'],
  },
};
const exitLink = 'https://www.bbc.co.uk/weather';

/**
 * A parent signs in to their
 * own record, reads the CAF copy and what was shared, withdraws a consent; the mentor's next
 * disclosure under it is refused. The competent young person sees their own; every family
 * page has "Exit this page"; family and staff accounts are kept to their own pages.
 */
describe('families in the browser: their own record, a withdrawal, and the disclosure it stops', () => {
  let screens: Screens;
  const time = movableClock('2026-12-01T09:00:00Z');
  const contexts: BrowserContext[] = [];
  let leon: string;
  let other: string;
  let sharingId: string;
  let nurseConsentId: string;

  const as = async (userId: string, javaScriptEnabled = true): Promise<Page> => {
    const context = await screens.context({ javaScriptEnabled });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, userId);
    return page;
  };
  /** Every family page: accessible, with "Exit this page" as a link (and started by the script when there is one). */
  const familyPage = async (page: Page, name: string) => {
    const exit = page.locator('.govuk-exit-this-page');
    expect(await exit.getByRole('button', { name: /Exit this page/ }).getAttribute('href')).toBe(exitLink);
    await page.locator('[data-govuk-exit-this-page-init]').waitFor({ state: 'attached' });
    await expectAccessible(page);
    await keepScreenshot(page, name);
  };
  const refusalsOf = async (userId: string) =>
    Number(
      (
        await screens.platform.db.pool.query(
          `SELECT count(*) AS n FROM access.access_log WHERE user_id = $1 AND outcome = 'refused'`,
          [userId],
        )
      ).rows[0].n,
    );

  beforeAll(async () => {
    screens = await openScreens('screens_family', {}, { clock: time.clock });
    const api = apiAs(screens.platform);
    const ok = async (answer: Promise<{ status: number; body: Record<string, unknown> }>) => {
      const { status, body } = await answer;
      if (status !== 200 && status !== 201) throw new Error(`${status} ${JSON.stringify(body)}`);
      return body;
    };
    const register = async (givenName: string) =>
      (
        await ok(
          api.post('senco.oakfield', '/children', {
            givenName,
            familyName: 'Smith',
            dateOfBirth: '2012-05-01',
            schoolId: 'school-oakfield',
            yearGroup: 9,
            flags: ['young-carer'],
          }),
        )
      ).childId as string;
    leon = await register('Leon');
    other = await register('Rhys');
    await ok(api.post('senco.oakfield', `/children/${leon}/consents`, cafConsent));
    const cafId = (
      await ok(
        api.post('mentor.oakfield', '/cafs', {
          childId: leon,
          startedOn: '2026-11-30',
          reasonForAssessment: 'Caring for his mother; attendance falling',
        }),
      )
    ).cafId as string;
    const contribute = (element: string, domain: string, text: string, extra: object = {}) =>
      ok(
        api.post('mentor.oakfield', `/cafs/${cafId}/contributions`, {
          domain,
          element,
          text,
          recordedOn: '2026-11-30',
          ...extra,
        }),
      );
    await contribute('learning', 'development-of-the-child', 'Bright in maths when he is in school');
    await contribute('housing-employment-and-finance', 'family-and-environment', 'Penalty warning considered', {
      withheldFromFamily: { reason: 'Enforcement not yet discussed with the family' },
    });
    await ok(
      api.post('mentor.oakfield', `/cafs/${cafId}/views`, {
        whose: 'child',
        views: 'I want to do well but home is hard',
        recordedOn: '2026-11-30',
      }),
    );
    await ok(
      api.post('dsl.oakfield', `/children/${leon}/competence-assessments`, {
        framework: 'gillick',
        decisionAbout: 'Seeing his own record',
        criteria: gillick,
        outcome: 'competent',
        assessedOn: '2026-11-25',
      }),
    );

    nurseConsentId = (await ok(api.post('senco.oakfield', `/children/${leon}/consents`, nurseConsent)))
      .consentId as string;
    sharingId = (
      await ok(
        api.post('mentor.oakfield', '/sharing', {
          childId: leon,
          origin: 'proactive',
          purpose: 'Support from the school nurse',
          recipient: { agencyId: 'health', userId: 'practitioner.health' },
          categories: ['identity'],
        }),
      )
    ).sharingId as string;
    await ok(api.post('mentor.oakfield', `/sharing/${sharingId}/basis`, { basis: { kind: 'consent' } }));
    await ok(api.post('mentor.oakfield', `/sharing/${sharingId}/checklist`, allAnswered));
    await ok(
      api.post('mentor.oakfield', `/sharing/${sharingId}/decision`, {
        outcome: 'share',
        items: [{ record: 'child-record', fields: ['givenName', 'yearGroup'] }],
        reasons: 'The nurse runs a drop-in for young carers',
        redactions: [],
        familyTold: { informed: true, how: 'Told Leon and his mother at the CAF meeting' },
        validUntil: '2027-01-31',
      }),
    );
    await ok(
      api.post('mentor.oakfield', `/sharing/${sharingId}/disclosures`, {
        recipient: { agencyId: 'health', userId: 'practitioner.health' },
        items: [{ recordRef: `child-record:${leon}`, fields: ['givenName'] }],
        channel: 'platform',
      }),
    );

    const evidence = {
      checked: ['parental-responsibility', 'admission-form'],
      documentRef: 'admission-form-2019-044',
      checkedOn: '2026-11-27',
    };
    await ok(
      api.post('dsl.oakfield', `/children/${leon}/family-links`, {
        userId: 'parent.demo',
        kind: 'parent-carer',
        relationship: 'mother',
        evidence,
        linkedOn: '2026-11-27',
      }),
    );
    await ok(
      api.post('dsl.oakfield', `/children/${leon}/family-links`, {
        userId: 'young.person',
        kind: 'young-person',
        evidence: { checked: ['identity-in-person'], documentRef: 'pupil-record', checkedOn: '2026-11-27' },
        linkedOn: '2026-11-27',
      }),
    );
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await screens?.close();
  });

  it('a parent signs in to their family, reads the CAF copy and what was shared, and withdraws a consent', async () => {
    const parent = await as('parent.demo');
    expect(new URL(parent.url()).pathname).toBe('/app/family');
    expect(await parent.locator('.govuk-service-navigation').getByRole('link', { name: 'Your family' }).count()).toBe(
      1,
    );
    expect(await parent.locator('h2').allTextContents()).toContain('Leon Smith');
    await familyPage(parent, 'family-home');

    await parent.getByRole('link', { name: "Leon's Common Assessment (CAF)" }).click();
    const caf = await parent.locator('main').textContent();
    expect(caf).toContain('Bright in maths when he is in school');
    // Withheld from the family by the practitioner: never on the family's page.
    expect(caf).not.toContain('Penalty warning');
    await familyPage(parent, 'family-caf');
    await parent.emulateMedia({ media: 'print' });
    for (const chrome of ['.govuk-service-navigation', '.govuk-exit-this-page', '.govuk-back-link'])
      expect(await parent.locator(chrome).first().isVisible()).toBe(false);
    await keepScreenshot(parent, 'family-caf-print');
    await parent.emulateMedia({ media: 'screen' });

    await parent.getByRole('link', { name: 'Back to your family' }).click();
    await parent.getByRole('link', { name: 'What was shared about Leon and why' }).click();
    const shared = parent.locator('main');
    expect(await shared.locator('.govuk-summary-card__title').allTextContents()).toEqual([
      expect.stringContaining('School Nursing and CAMHS'),
    ]);
    expect(await shared.textContent()).toContain('Because permission was given (this is called consent).');
    await familyPage(parent, 'family-shared');

    await parent.goto('/app/family');
    await parent.getByRole('link', { name: 'Your consents for Leon' }).click();
    const card = parent.locator('.govuk-summary-card', { hasText: 'Telling the people named here' });
    expect(await card.locator('.govuk-tag').textContent()).toContain('In use');
    await familyPage(parent, 'family-consents');
    await card.getByRole('link', { name: /Withdraw this consent/ }).click();
    expect(new URL(parent.url()).pathname).toBe(`/app/family/children/${leon}/consents/${nurseConsentId}/withdrawal`);
    await parent.getByLabel('Why are you withdrawing it? (optional)').fill('We will talk to the nurse ourselves');
    await familyPage(parent, 'family-withdraw');
    await parent.getByRole('button', { name: 'Withdraw my consent' }).click();
    expect(await parent.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Your consent is withdrawn',
    );
    expect(
      await parent
        .locator('.govuk-summary-card', { hasText: 'Telling the people named here' })
        .locator('.govuk-tag')
        .textContent(),
    ).toContain('Withdrawn');
    await familyPage(parent, 'family-consent-withdrawn');
    const [withdrawal] = (
      await screens.platform.db.pool.query(
        `SELECT data, metadata FROM event_store.events WHERE stream_id = $1 AND type = 'ConsentWithdrawn'`,
        [`consent-${leon}`],
      )
    ).rows;
    expect(withdrawal.metadata.actor).toMatchObject({ userId: 'parent.demo', role: 'parent-carer' });
  }, 180_000);

  it('the mentor tries the next disclosure under that consent: the page offers nothing, and the API refuses it', async () => {
    const mentor = await as('mentor.oakfield');
    await mentor.goto(`/app/sharing/${sharingId}/disclosure`);
    await mentor.locator('h1').waitFor();
    // Consent no longer covers what the decision allowed: no field is offered to send.
    expect(await mentor.locator('input[type="checkbox"]').count()).toBe(0);
    // ...and the page says why, rather than leaving an empty form.
    expect(await mentor.locator('.govuk-warning-text').textContent()).toMatch(
      /Consent no longer covers identity.*nothing can be sent under this decision/s,
    );
    await expectAccessible(mentor);
    await keepScreenshot(mentor, 'family-withdrawn-disclosure');
    const answer = await apiAs(screens.platform).post('mentor.oakfield', `/sharing/${sharingId}/disclosures`, {
      recipient: { agencyId: 'health', userId: 'practitioner.health' },
      items: [{ recordRef: `child-record:${leon}`, fields: ['givenName'] }],
      channel: 'platform',
    });
    expect({ status: answer.status, rule: answer.body.rule }).toEqual({
      status: 403,
      rule: 'sharing.consent-no-longer-covers',
    });
  }, 120_000);

  it('the competent young person sees their own record, whole but for what is withheld to protect him', async () => {
    const young = await as('young.person');
    expect(new URL(young.url()).pathname).toBe('/app/family');
    expect(await young.locator('h1').textContent()).toBe('Your record');
    await familyPage(young, 'family-young-person');
    await young.getByRole('link', { name: 'Your Common Assessment (CAF)' }).click();
    const caf = await young.locator('main').textContent();
    expect(caf).toContain('I want to do well but home is hard');
    expect(caf).not.toContain('Penalty warning');
    await familyPage(young, 'family-young-person-caf');
    await young.goto(`/app/family/children/${leon}/consents`);
    expect(await young.locator('.govuk-summary-card .govuk-tag').allTextContents()).toEqual([
      expect.stringContaining('In use'),
      expect.stringContaining('Withdrawn'),
    ]);
  }, 120_000);

  it('without JavaScript, "Exit this page" is still a link that leaves', async () => {
    // axe runs as a script in the page, so these pages are checked above, with it.
    const young = await as('young.person', false);
    for (const path of ['/app/family', `/app/family/children/${leon}/shared`]) {
      await young.goto(path);
      expect(await young.locator('.govuk-exit-this-page a').getAttribute('href')).toBe(exitLink);
      expect(await young.locator('[data-govuk-exit-this-page-init]').count()).toBe(0);
    }
  }, 60_000);

  it("the dpo's ledger by child shows each family view: to whom, on what basis, what was shown", async () => {
    const dpo = apiAs(screens.platform);
    let views: Array<Record<string, unknown>> = [];
    await eventually(async () => {
      views = (
        (await dpo.get('dpo', `/disclosure-audit/children/${leon}`)).body.disclosures as Array<Record<string, unknown>>
      ).filter((e) => e.kind === 'family-view');
      return views.length >= 8;
    });
    expect(views.map((v) => [v.recipientAgencyId, v.recipientUserId])).toContainEqual(['family', 'parent.demo']);
    expect(views.map((v) => v.recipientUserId)).toContain('young.person');
    const parentsCaf = views.find((v) => v.recipientUserId === 'parent.demo' && String(v.purpose).includes('CAF'));
    expect(parentsCaf).toMatchObject({
      basis: { kind: 'family-right-of-access', law: expect.stringContaining('parental responsibility') },
      channel: 'platform',
    });
    expect(parentsCaf?.items).toContainEqual({
      recordRef: expect.stringMatching(/^caf:/),
      category: 'education',
      fields: ['learning'],
    });
    const page = await as('dpo');
    await page.goto(`/app/dpo/disclosures/children/${leon}`);
    expect(await page.locator('main').textContent()).toContain(
      'Shown to the family on the platform: what was shared about the child',
    );
  }, 120_000);

  it('keeps the parent from staff pages and other children, and staff from the family pages, each refusal a 403 page in the access log', async () => {
    const parent = await as('parent.demo');
    for (const path of [
      `/app/children/${leon}`,
      `/app/schools/school-oakfield/triage`,
      '/app/dpo/access-history',
      `/app/family/children/${other}/caf`,
      `/app/family/children/${other}/consents`,
    ]) {
      const before = await refusalsOf('parent.demo');
      const answer = await parent.goto(path);
      expect({ path, status: answer?.status() }).toEqual({ path, status: 403 });
      expect(await refusalsOf('parent.demo')).toBe(before + 1);
    }
    await expectAccessible(parent);
    const mentor = await as('mentor.oakfield');
    for (const path of ['/app/family', `/app/family/children/${leon}/caf`, `/app/family/children/${leon}/shared`]) {
      const before = await refusalsOf('mentor.oakfield');
      const answer = await mentor.goto(path);
      expect({ path, status: answer?.status() }).toEqual({ path, status: 403 });
      expect(await refusalsOf('mentor.oakfield')).toBe(before + 1);
    }
    expect(await mentor.locator('h1').textContent()).toBeTruthy();
  }, 120_000);
});
