import type { Page } from 'playwright-core';
import request from 'supertest';
import { parentalConsentTo } from '../support/consent-fixtures';
import { expectAccessible, keepScreenshot, openScreens, type Screens, signIn } from './support/browser';

const mastConsent = parentalConsentTo('Request for MAST involvement', 'The Multi-Agency Support Team and its panel', {
  purposes: ['mast-involvement'],
  recipients: ['mast'],
  categories: ['education', 'attendance', 'family-circumstances'],
});

/** The platform's clock, set to an instant and running on from it (sessions idle out on it, ADR 009). */
const settableClock = () => {
  let origin = Date.parse('2026-12-01T09:00:00Z');
  let setAt = performance.now();
  return {
    clock: () => new Date(origin + (performance.now() - setAt)),
    at: (instant: string) => {
      origin = Date.parse(instant);
      setAt = performance.now();
    },
  };
};

/**
 * The SENCo requests MAST involvement (seeing the
 * consent first); the co-ordinator runs Wednesday's panel from agenda to minutes with one
 * declared conflict and one deferral; members read the pack; deadlines, the decision log
 * and caseloads follow. Every page is checked with axe and kept in docs/screens/.
 */
describe('the MAST screens, in Chromium', () => {
  // Chromium and axe on every page, on a shared 2-core machine.
  jest.setTimeout(240_000);
  let screens: Screens;
  const time = settableClock();
  const tokens: Record<string, string> = {};
  const post = async (userId: string, path: string, body: object = {}) =>
    request(screens.platform.http)
      .post(path)
      .set('Authorization', `Bearer ${(tokens[userId] ??= await screens.platform.tokenFor(userId))}`)
      .send(body);
  const child = async (givenName: string, consent: boolean) => {
    const made = await post('senco.oakfield', '/children', {
      givenName,
      familyName: 'Example',
      dateOfBirth: '2014-05-02',
      schoolId: 'school-oakfield',
      yearGroup: 7,
      flags: [],
    });
    expect(made.status).toBe(201);
    if (consent)
      expect((await post('senco.oakfield', `/children/${made.body.childId}/consents`, mastConsent)).status).toBe(201);
    return made.body.childId as string;
  };
  const requestFor = async (childId: string, needs: string) => {
    const made = await post('senco.oakfield', '/mast-requests', {
      childId,
      parentsInvolved: [{ name: 'Sam Parent', relationship: 'father' }],
      needs,
      alreadyTried: 'Breakfast club; school learning mentor',
      levelOfNeed: 2,
    });
    expect(made.status).toBe(201);
    return made.body.requestId as string;
  };
  const signedIn = async (userId: string, javaScriptEnabled = true): Promise<Page> => {
    const context = await screens.context({ javaScriptEnabled });
    const page = await context.newPage();
    await signIn(page, userId);
    return page;
  };
  /** Sends a form and waits for the page it leads to (a click returns before the navigation ends). */
  const submit = async (page: Page, button: string | RegExp) => {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).click()]);
  };
  const looked = async (page: Page, screenshot?: string) => {
    await expectAccessible(page);
    if (screenshot) await keepScreenshot(page, screenshot);
  };

  let kayden: string;
  let amira: string;
  let late: string;

  beforeAll(async () => {
    screens = await openScreens(
      'screens_mast',
      { MAST_PANEL_WEEKDAY: '3', MAST_QUORUM_MEMBERS: '2', MAST_QUORUM_AGENCIES: '2' },
      { clock: time.clock },
    );
  }, 60_000);
  afterAll(async () => {
    await screens?.close();
  });

  it('the SENCo sees whether consent is in place before sending a request, and sends it', async () => {
    const page = await signedIn('senco.oakfield');
    const withoutConsent = await child('Noor', false);
    await page.goto(`/app/mast/children/${withoutConsent}/request`);
    expect(await page.locator('#consent h2').textContent()).toBe('Consent is not in place');
    expect(await page.getByRole('button', { name: 'Send the request' }).count()).toBe(0);
    await looked(page);

    const withConsent = await child('Kayden', true);
    await page.goto(`/app/mast/children/${withConsent}/request`);
    expect(await page.locator('#consent h2').textContent()).toBe('Consent is in place');
    await looked(page, 'mast-request');
    // Sent without the needs: the API's 400 is the error summary, linked to the field.
    await page.getByLabel('Name', { exact: true }).fill('Jo Smith');
    await page.getByLabel('Relationship to the child', { exact: true }).fill('mother');
    await page.getByLabel('Level 3').check();
    await submit(page, 'Send the request');
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary a').first().getAttribute('href')).toBe('#needs');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Jo Smith');
    await looked(page, 'mast-request-errors');
    await page
      .getByLabel("The child's and family's needs")
      .fill('Mornings are chaotic; late most days; withdrawn in class');
    await page.getByLabel('What the school has already tried').fill('Attendance meetings, breakfast club');
    await submit(page, 'Send the request');
    expect(new URL(page.url()).pathname).toMatch(/^\/app\/mast\/requests\/[0-9a-f-]{36}$/);
    kayden = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('Received');
    await looked(page);
    await page.context().close();

    amira = await requestFor(await child('Amira', true), 'Young carer for her mother; missing mornings');
    time.at('2026-12-08T10:00:00Z'); // after Monday noon's cut-off for Wednesday's panel
    late = await requestFor(await child('Leo', true), 'Arrived after the cut-off');
  });

  it('the co-ordinator runs the panel from agenda to minutes: one conflict, one deferral, quorum shown for each request', async () => {
    time.at('2026-12-09T09:00:00Z');
    const page = await signedIn('mast.coordinator');
    await Promise.all([
      page.waitForNavigation(),
      page.locator('.govuk-service-navigation').getByRole('link', { name: 'Next panel' }).click(),
    ]);
    expect(new URL(page.url()).pathname).toBe('/app/mast/panels/2026-12-09');
    expect(await page.locator('main').textContent()).toContain('No panel is scheduled for this day');
    await looked(page);
    await submit(page, /Schedule the panel/);
    await submit(page, 'Draw up the agenda');
    const agenda = page.locator('table.app-agenda tbody tr');
    expect(await agenda.count()).toBe(2);
    expect(await page.locator('#held-over + p + ul').textContent()).toContain(late.slice(0, 8).toUpperCase());

    for (const member of ['panel.health', 'mast.coordinator']) {
      await page.getByLabel('Record a member as present').selectOption(member);
      await submit(page, 'Record as present');
    }
    // Two members but one conflicted on Amira's request: quorate for Kayden's, not for Amira's until Joe arrives.
    await page.goto(`/app/mast/panels/2026-12-09/requests/${amira}`);
    await page.getByText('Declare a conflict of interest').click();
    await page.getByLabel('Member').selectOption('panel.health');
    await page.getByLabel('Nature of the conflict').fill('Knows the family socially');
    await submit(page, 'Declare the conflict');
    expect(await page.locator('#quorum').textContent()).toContain('Not quorate for this request');
    expect(await page.locator('#conflicts + ul').textContent()).toContain(
      'Dr Kate Moss (panel member): Knows the family socially',
    );
    await looked(page, 'mast-decision-not-quorate');

    await page.goto('/app/mast/panels/2026-12-09');
    expect(
      await agenda
        .nth(0)
        .locator('.govuk-tag', { hasText: /quorate/i })
        .textContent(),
    ).toBe('Quorate');
    expect(
      await agenda
        .nth(1)
        .locator('.govuk-tag', { hasText: /quorate/i })
        .textContent(),
    ).toBe('Not quorate');
    await page.getByLabel('Record a member as present').selectOption('panel.ews');
    await submit(page, 'Record as present');
    await looked(page, 'mast-agenda');

    // Kayden's request deferred; first sent without the information needed, which the API refuses by field.
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: new RegExp(`Request ${kayden.slice(0, 8).toUpperCase()}`) }).click(),
    ]);
    expect(await page.locator('#quorum').textContent()).toContain('Quorate for this request');
    await page.getByLabel('Defer to a later panel').check();
    await page.getByLabel('Reason').fill('Attendance history unclear');
    await submit(page, 'Record the decision');
    expect(await page.locator('.govuk-error-summary a').first().getAttribute('href')).toBe(
      '#decision.informationNeeded',
    );
    expect(await page.getByLabel('Reason').inputValue()).toBe('Attendance history unclear');
    await looked(page, 'mast-decision-errors');
    await page.getByLabel('Information the panel needs from the school').fill('attendance for the autumn term');
    await submit(page, 'Record the decision');
    expect(await agenda.nth(0).textContent()).toContain('Deferred: the panel needs attendance for the autumn term');

    await page.goto(`/app/mast/panels/2026-12-09/requests/${amira}`);
    expect(await page.locator('#quorum').textContent()).toContain('Quorate for this request');
    await page.getByLabel('Accept and allocate a worker').check();
    await page.getByLabel('Allocated to').selectOption('keyworker.mast');
    await page.getByLabel('Reason').fill('Family support at home with routines');
    await looked(page, 'mast-decision');
    await submit(page, 'Record the decision');
    expect(await agenda.nth(1).textContent()).toContain('Accepted: allocated to Nadia Rahman (key worker)');

    // Closing before the minutes: the API's 409, as a page that says what to do.
    await submit(page, 'Close the panel');
    expect(await page.locator('h1').textContent()).toBe('This record has changed');
    expect(await page.locator('main').textContent()).toContain('The panel closes once its minutes are recorded');
    await looked(page);
    await page.goto('/app/mast/panels/2026-12-09#minutes-heading');
    await page
      .getByLabel('Minutes of the meeting')
      .fill(
        'Two requests considered: one deferred for attendance information, one accepted and allocated.\nDr Moss declared a conflict on the second.',
      );
    await submit(page, 'Save the minutes');
    await submit(page, 'Close the panel');
    expect(await page.locator('h1 .govuk-tag').textContent()).toBe('Closed');
    expect(await page.locator('.app-minutes').textContent()).toContain('one deferred for attendance information');
    await looked(page, 'mast-panel-closed');
    await page.context().close();
  });

  it('a panel member reads the agenda pack, which prints without the service navigation', async () => {
    const page = await signedIn('panel.ews');
    await page.goto('/app/mast/panels/2026-12-09/pack');
    expect(await page.locator('.app-pack__item').count()).toBe(2);
    expect(await page.locator('main').textContent()).toContain('Young carer for her mother');
    expect(
      await page
        .getByRole('button')
        .filter({ hasText: /Record|Close/ })
        .count(),
    ).toBe(0);
    await looked(page, 'mast-agenda-pack');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govuk-service-navigation').isVisible()).toBe(false);
    await keepScreenshot(page, 'mast-agenda-pack-print');
    await page.context().close();
  });

  it('deadlines, the decision log and caseloads show what the panel decided, with owners', async () => {
    const page = await signedIn('mast.coordinator');
    await page.goto('/app/mast/deadlines');
    const rows = page.locator('table tbody tr');
    // Two responses to the school (due 5 working days after the panel) and one first contact.
    expect(await rows.count()).toBe(3);
    expect(await rows.filter({ hasText: 'First contact' }).textContent()).toContain('Nadia Rahman');
    await looked(page, 'mast-deadlines');
    await page.getByLabel('Due', { exact: true }).check();
    await submit(page, 'Apply filter');
    await page.waitForURL((url) => url.searchParams.get('state') === 'due');
    expect(await rows.count()).toBe(3);

    await page.goto('/app/mast/decision-log?from=2026-12-01');
    expect(await page.locator('table tbody tr').count()).toBe(2);
    expect(await page.locator('table tbody').textContent()).toContain('Dr Kate Moss');
    await looked(page, 'mast-decision-log');
    await page.goto('/app/mast/decision-log?from=1%20December');
    expect(await page.locator('.govuk-error-summary a').first().getAttribute('href')).toBe('#from');
    await looked(page);

    await page.goto('/app/mast/caseloads');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'Nadia Rahman (key worker)' }).click(),
    ]);
    expect(await page.locator('table tbody tr').count()).toBe(1);
    await looked(page);
    await page.context().close();

    const worker = await signedIn('keyworker.mast');
    await Promise.all([
      worker.waitForNavigation(),
      worker.locator('.govuk-service-navigation').getByRole('link', { name: 'My MAST cases' }).click(),
    ]);
    expect(await worker.locator('table tbody').textContent()).toContain('Young carer for her mother');
    expect(await worker.locator('table tbody').textContent()).toContain('Due by');
    await looked(worker, 'mast-caseload');
    // Another worker's caseload: the 403 page, and the attempt is in the access log.
    const refused = await worker.goto('/app/mast/caseloads/familymentor.mast');
    expect(refused?.status()).toBe(403);
    expect(await worker.locator('main').textContent()).toContain('This attempt has been recorded');
    const [logged] = await screens.platform.runtime.dataSource.query(
      `SELECT outcome, resource FROM access.access_log WHERE user_id = 'keyworker.mast' ORDER BY seq DESC LIMIT 1`,
    );
    expect(logged).toEqual({ outcome: 'refused', resource: 'GET /app/mast/caseloads/:workerId' });
    await looked(worker);
    await worker.context().close();
  });

  it("works without JavaScript: the decision form shows every outcome's fields and the pages still post", async () => {
    const page = await signedIn('mast.coordinator', false);
    await page.goto('/app/mast/panels/2026-12-09');
    expect(await page.locator('h1 .govuk-tag').textContent()).toBe('Closed');
    await page.goto('/app/mast/panels/2026-12-16');
    await submit(page, /Schedule the panel/);
    await submit(page, 'Draw up the agenda');
    // Next week's agenda: the deferred request returns, the held-over one joins it.
    const agenda = page.locator('table.app-agenda tbody tr');
    expect(await agenda.count()).toBe(2);
    expect(await agenda.filter({ hasText: 'Returning from deferral' }).textContent()).toContain(
      kayden.slice(0, 8).toUpperCase(),
    );
    await page.goto(`/app/mast/panels/2026-12-16/requests/${late}`);
    for (const field of ['Allocated to', 'Service', 'Signposted to', 'Information the panel needs from the school'])
      expect(await page.getByLabel(field, { exact: true }).isVisible()).toBe(true);
    // No axe here: it runs as a script, and this profile runs none (the same HTML is checked above with JavaScript on).
    await page.context().close();
  });
});
