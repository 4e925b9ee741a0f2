import request from 'supertest';
import { apiAs, eventually, referredConcern, registerChild } from './support/api-seed';
import { expectAccessible, keepScreenshot, openScreens, type Screens, signIn } from './support/browser';

// pdf-parse 1.x: its entry point reads a sample file when loaded as a main module; its library does not.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfText: (data: Buffer) => Promise<{ text: string; numpages: number }> = require('pdf-parse/lib/pdf-parse.js');

/**
 * A dpo finds a refused read in the access
 * history and verifies the chain; the disclosure ledger and its chart; break-glass reviews; the
 * security log; the subject-access report as a page that prints and as a PDF Chromium prints.
 */
describe('the data-protection officer in the browser', () => {
  let screens: Screens;
  let childId: string;
  let notReferred: string;
  /** As an attacker with the database's superuser would: past the append-only trigger. */
  const tamper = async (sql: string) => {
    const client = await screens.platform.db.pool.connect();
    try {
      await client.query('ALTER TABLE access.access_log DISABLE TRIGGER access_log_append_only');
      await client.query(sql);
      await client.query('ALTER TABLE access.access_log ENABLE TRIGGER access_log_append_only');
    } finally {
      client.release();
    }
  };

  beforeAll(async () => {
    screens = await openScreens('screens_dpo');
    const api = apiAs(screens.platform);
    childId = await registerChild(screens.platform, 'Maya', 'Example');
    await referredConcern(screens.platform, childId, '2026-12-01', 'Child reports being hurt at home');
    // The ledger is a read model: the walk starts once the referral's disclosure is in it.
    await eventually(
      async () => (await api.get('dpo', `/disclosure-audit/children/${childId}`)).body.disclosures.length === 1,
    );
    // A concern social care has no part in: its read is refused, and the refusal logged.
    notReferred = (await api.post('teacher.oakfield', '/concerns', { childId, seenOrHeard: 'Seemed withdrawn today' }))
      .body.concernId;
    expect((await api.get('social.worker', `/concerns/${notReferred}`)).status).toBe(403);
    // A record restricted to the DSL; a teacher opens it in an emergency.
    expect(
      (
        await api.put('dsl.oakfield', `/children/${childId}/restriction`, {
          reason: 'Police investigation under way',
          namedUsers: ['dsl.oakfield'],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api.post('teacher.oakfield', `/children/${childId}/break-glass`, {
          reason: 'Child collapsed in class; need medical notes for the paramedics',
        })
      ).status,
    ).toBe(201);
    // A bad token: the security log's.
    expect(
      (await request(screens.platform.http).get('/audit/verify').set('Authorization', 'Bearer not-a-token')).status,
    ).toBe(401);
    expect((await api.post('dpo', '/audit/anchors', {})).status).toBe(201);
  }, 90_000);
  afterAll(async () => {
    await screens?.close();
  });

  it("finds the refused read in the social worker's access history, filtered to refusals", async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'dpo');
    await page.getByRole('link', { name: 'Access history' }).first().click();
    await page.waitForURL('**/app/dpo/access-history');
    await expectAccessible(page);
    await page.getByLabel(/A user's/).check();
    await page.getByLabel('User id or child id').fill('social.worker');
    await page.getByLabel('Only refused attempts').check();
    await page.getByRole('button', { name: 'Show the history' }).click();
    await page.waitForURL(
      (url) => `${url.pathname}${url.search}` === `/app/dpo/access-history/users/social.worker?outcome=refused`,
    );
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const refused = await rows.first().textContent();
    expect(refused).toContain('GET /concerns/:concernId');
    expect(refused).toContain('safeguarding concerns are seen by the DSL');
    expect(refused).toContain(childId);
    await expectAccessible(page);
    await keepScreenshot(page, 'dpo-access-history');

    // All entries, and the child's own history, which holds the refusal too.
    await page.getByRole('link', { name: 'All', exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/social.worker') && url.search === '');
    await page.locator('tbody tr', { hasText: 'Refused' }).getByRole('link', { name: childId }).click();
    await page.waitForURL(`**/app/dpo/access-history/children/${childId}`);
    expect(await page.locator('tbody tr', { hasText: 'Chris Dale' }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it('pages through a long history, older entries by sequence number', async () => {
    const api = apiAs(screens.platform);
    for (let i = 0; i < 26; i++) await api.get('social.worker', '/social-care/referrals');
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'dpo');
    await page.goto('/app/dpo/access-history/users/social.worker');
    expect(await page.locator('tbody tr').count()).toBe(25);
    const newest = Number(await page.locator('tbody tr td').first().textContent());
    await page.getByRole('link', { name: 'Older entries' }).click();
    await page.waitForURL(/before=\d+/);
    const older = Number(await page.locator('tbody tr td').first().textContent());
    expect(older).toBeLessThan(newest);
    expect(await page.getByRole('link', { name: 'Newest entries' }).count()).toBe(1);
    await context.close();
  });

  it('verifies the chain and shows its latest anchor; a forged entry breaks it', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'dpo');
    await page.getByRole('link', { name: 'The chain' }).first().click();
    expect(await page.locator('.govuk-panel__title').textContent()).toContain('The chain is intact');
    expect(await page.locator('main').textContent()).toMatch(/Signed with key/);
    await expectAccessible(page);
    await keepScreenshot(page, 'dpo-chain');

    // Someone with database access rewrites a refusal as allowed; put back, the chain is whole again.
    const [{ seq }] = (
      await screens.platform.db.pool.query(
        `SELECT seq FROM access.access_log WHERE outcome = 'refused' ORDER BY seq LIMIT 1`,
      )
    ).rows;
    await tamper(`UPDATE access.access_log SET outcome = 'allowed' WHERE seq = ${Number(seq)}`);
    await page.getByRole('link', { name: 'Verify again' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(`At entry ${seq}`);
    await expectAccessible(page);
    await tamper(`UPDATE access.access_log SET outcome = 'refused' WHERE seq = ${Number(seq)}`);
    await page.getByRole('link', { name: 'Verify again' }).click();
    expect(await page.locator('.govuk-panel__title').textContent()).toContain('The chain is intact');
    await context.close();
  });

  it('shows the disclosure ledger by month as a chart with its table, by child, by agency and without consent', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'dpo');
    await page.getByRole('link', { name: 'Disclosures' }).first().click();
    await page.waitForURL('**/app/dpo/disclosures');
    expect(await page.locator('svg.app-chart rect').count()).toBe(1);
    const row = page.locator('table tbody tr').first();
    expect(await row.textContent()).toMatch(
      /2026-12\s*Children's Social Care\s*Without consent \(risk of significant harm\)\s*1/,
    );
    await expectAccessible(page);
    await keepScreenshot(page, 'dpo-disclosures');

    await page.getByLabel('By child').fill(childId);
    await page.getByRole('button', { name: "Show the child's disclosures" }).click();
    await page.waitForURL(`**/app/dpo/disclosures/children/${childId}`);
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr').textContent()).toContain('Without consent (risk of significant harm)');
    await expectAccessible(page);
    await page.goto('/app/dpo/disclosures');
    await page.getByLabel('By agency').selectOption('social-care');
    await page.getByRole('button', { name: 'Show what the agency received' }).click();
    await page.waitForURL('**/app/dpo/disclosures/agencies/social-care');
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.goto('/app/dpo/disclosures/without-consent');
    expect(await page.locator('tbody tr').count()).toBe(1);
    await expectAccessible(page);
    await context.close();
  });

  it('reviews the break-glass opening: a note is required, then it leaves the queue', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'dpo');
    await page.getByRole('link', { name: 'Break-glass reviews' }).first().click();
    await page.waitForURL('**/app/dpo/break-glass');
    expect(await page.locator('.app-card').count()).toBe(1);
    expect(await page.locator('.app-card').textContent()).toContain('Child collapsed in class');
    await expectAccessible(page);
    await keepScreenshot(page, 'dpo-break-glass');
    await page.getByRole('button', { name: 'Record the review' }).click();
    expect(await page.locator('.govuk-error-summary a').getAttribute('href')).toBe('#note');
    await expectAccessible(page);
    await page.getByLabel('Your review note').fill('Proportionate: a medical emergency; head teacher told');
    await page.getByRole('button', { name: 'Record the review' }).click();
    await page.waitForURL(/reviewed=1/);
    expect(await page.locator('main').textContent()).toContain('No openings are waiting for review.');
    expect((await apiAs(screens.platform).get('dpo', '/audit/break-glass')).body).toEqual([]);
    await context.close();
  });

  it('shows the security log of failed sign-ins', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'dpo');
    await page.getByRole('link', { name: 'Security log' }).first().click();
    await page.waitForURL('**/app/dpo/security-log');
    const row = page.locator('tbody tr', { hasText: 'GET /audit/verify' });
    expect(await row.count()).toBe(1);
    await expectAccessible(page);
    await keepScreenshot(page, 'dpo-security-log');
    await context.close();
  });

  it('prints the subject-access report as a page, and downloads it as a PDF Chromium rendered', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'dpo');
    await page.goto(`/app/dpo/children/${childId}/subject-access`);
    expect(await page.locator('h1').textContent()).toBe('Information shared about Maya Example');
    // The family was not told of the referral: their copy leaves it out; the dpo's keeps it, marked.
    expect(await page.locator('tbody tr').first().textContent()).toContain('Nothing has been shared.');
    await page.getByRole('link', { name: /The dpo's copy/ }).click();
    await page.waitForURL(/copy=dpo/);
    expect(await page.locator('tbody tr').first().textContent()).toContain("Children's Social Care");
    expect(await page.locator('tbody tr').first().textContent()).toContain('Withheld.');
    await expectAccessible(page);
    await keepScreenshot(page, 'dpo-subject-access');
    // Printed, the page is the report: no navigation, no links to other copies.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govuk-service-navigation').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Download as PDF' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download as PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^subject-access-\d{4}-\d{2}-\d{2}-dpo\.pdf$/);
    const pdf = await (await context.request.get(`/app/dpo/children/${childId}/subject-access/pdf?copy=dpo`)).body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text: printed, numpages } = await pdfText(pdf);
    // Narrow columns wrap their words: the text is compared with its spacing made plain.
    const text = printed.replace(/\s+/g, ' ');
    expect(numpages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Information shared about Maya Example');
    expect(text).toContain("Children's Social Care");
    expect(text).toContain("Data protection officer's copy");
    // The download is a read of the child's record like any page: in the child's access history.
    const history = (
      await apiAs(screens.platform).get('dpo', `/audit/children/${childId}/access-history?outcome=allowed`)
    ).body as Array<{ resource: string; userId: string }>;
    expect(
      history.filter((e) => e.userId === 'dpo' && e.resource === 'GET /app/dpo/children/:childId/subject-access/pdf')
        .length,
    ).toBe(2);
    await context.close();
  });

  it("is the dpo's alone: a social worker is refused the access history, and the refusal is recorded", async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'social.worker');
    const answer = await page.goto('/app/dpo/access-history/users/dpo');
    expect(answer?.status()).toBe(403);
    const [logged] = await screens.platform.runtime.dataSource.query(
      `SELECT user_id, outcome FROM access.access_log ORDER BY seq DESC LIMIT 1`,
    );
    expect(logged).toEqual({ user_id: 'social.worker', outcome: 'refused' });
    expect(notReferred).toBeDefined();
    await context.close();
  });
});
