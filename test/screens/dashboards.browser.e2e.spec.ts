import type { Page } from 'playwright-core';
import { parentalConsent } from '../support/consent-fixtures';
import { apiAs, referredConcern, registerChild } from './support/api-seed';
import { expectAccessible, keepScreenshot, openScreens, type Screens, signIn } from './support/browser';

const mastConsent = {
  ...parentalConsent,
  informed: {
    ...parentalConsent.informed,
    purpose: 'Request for MAST involvement',
    recipients: 'The Multi-Agency Support Team and its panel',
  },
  scope: {
    purposes: ['mast-involvement'],
    recipients: ['mast'],
    categories: ['education', 'attendance', 'family-circumstances'],
  },
};

/** The platform's clock, set to an instant and running on from it. */
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

/** The chart's table, row by row: the heading cell then the counts. */
const tableRows = async (page: Page) =>
  page
    .locator('table.app-chart-table tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim())));

/**
 * A dashboard per audience, each a chart the server draws and its numbers
 * as a table, checked against events seeded through the API: the MAST co-ordinator's
 * deadlines met, breached and overdue by week; the DSL's open concerns by clock state.
 */
describe('the dashboards, in Chromium', () => {
  let screens: Screens;
  const time = settableClock();

  beforeAll(async () => {
    screens = await openScreens(
      'screens_dashboards',
      { MAST_PANEL_WEEKDAY: '3', MAST_QUORUM_MEMBERS: '2', MAST_QUORUM_AGENCIES: '2' },
      { clock: time.clock },
    );
    const api = apiAs(screens.platform);
    const ok = (answer: { status: number; body: unknown }, status = 200) =>
      expect([answer.status, answer.body]).toEqual([status, expect.anything()]);

    // The DSL's: one referral social care has not decided (late by today), one decided late with its reason (a breach) that starts the assessment's 45 days.
    const undecided = await referredConcern(
      screens.platform,
      await registerChild(screens.platform, 'Ada', 'Clock'),
      '2026-12-01',
      'Disclosure of harm at home',
    );
    const decidedLate = await referredConcern(
      screens.platform,
      await registerChild(screens.platform, 'Ben', 'Clock'),
      '2026-12-01',
      'Injury explained inconsistently',
    );
    time.at('2026-12-04T10:00:00Z');
    ok(
      await api.post('social.worker', `/concerns/${decidedLate}/social-care-decision`, {
        decision: 'child-in-need-assessment',
        reasons: 'Needs assessing',
        decidedOn: '2026-12-04',
        lateReason: 'Referral arrived in the wrong inbox',
      }),
    );
    expect(undecided).toBeDefined();

    // The co-ordinator's: two requests allocated at Wednesday 9 December's panel.
    time.at('2026-12-01T11:00:00Z');
    const requests: string[] = [];
    for (const givenName of ['Kayden', 'Amira']) {
      const child = await api.post('senco.oakfield', '/children', {
        givenName,
        familyName: 'Example',
        dateOfBirth: '2014-05-02',
        schoolId: 'school-oakfield',
        yearGroup: 7,
        flags: [],
      });
      ok(await api.post('senco.oakfield', `/children/${child.body.childId}/consents`, mastConsent), 201);
      const made = await api.post('senco.oakfield', '/mast-requests', {
        childId: child.body.childId,
        parentsInvolved: [{ name: 'Jo Smith', relationship: 'mother' }],
        needs: 'Late most days',
        alreadyTried: 'Breakfast club',
        levelOfNeed: 3,
      });
      ok(made, 201);
      requests.push(made.body.requestId);
    }
    time.at('2026-12-09T09:00:00Z');
    ok(await api.post('mast.coordinator', '/mast-panels', { panelDate: '2026-12-09' }), 201);
    ok(await api.post('mast.coordinator', '/mast-panels/2026-12-09/agenda'));
    for (const userId of ['mast.coordinator', 'panel.health', 'panel.ews'])
      ok(await api.post('mast.coordinator', '/mast-panels/2026-12-09/attendance', { userId }));
    const [kayden, amira] = requests;
    for (const [requestId, workerId, kind] of [
      [kayden, 'keyworker.mast', 'key-worker'],
      [amira, 'familymentor.mast', 'family-learning-mentor'],
    ]) {
      ok(
        await api.post('mast.coordinator', '/mast-panels/2026-12-09/decisions', {
          requestId,
          decision: { outcome: 'accept-allocate', allocation: { workerId, kind } },
          reason: 'Support at home',
        }),
        201,
      );
    }
    // Responses due Wednesday 16 December: one met, one sent late with its reason.
    time.at('2026-12-10T12:00:00Z');
    ok(await api.post('mast.coordinator', `/mast-requests/${kayden}/response-sent`, { sentOn: '2026-12-10' }));
    time.at('2026-12-18T12:00:00Z');
    ok(
      await api.post('mast.coordinator', `/mast-requests/${amira}/response-sent`, {
        sentOn: '2026-12-18',
        breachReason: 'Co-ordinator off sick',
      }),
    );
    // First contacts due Wednesday 23 December: one met; the other still not made.
    ok(await api.post('keyworker.mast', `/mast-requests/${kayden}/first-contact`, { contactOn: '2026-12-14' }));
    time.at('2027-01-05T10:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await screens?.close();
  });

  it("shows the co-ordinator's deadlines met, breached and overdue by the week they fell due", async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'mast.coordinator');
    await page.getByRole('link', { name: 'Deadlines by week' }).first().click();
    await page.waitForURL('**/app/mast/dashboard');
    expect(await tableRows(page)).toEqual([
      ['w/c 14 Dec', '1', '1', '0', '2'],
      ['w/c 21 Dec', '1', '0', '1', '2'],
    ]);
    // Two weeks of three bars; each count written on its bar.
    expect(await page.locator('svg.app-chart rect').count()).toBe(6);
    expect(await page.locator('svg.app-chart rect.app-chart__bar--red title').first().textContent()).toBe(
      'w/c 14 Dec, breached: 1',
    );
    expect(await page.locator('svg.app-chart').getAttribute('aria-labelledby')).toBe('weeks-chart weeks-chart-desc');
    await expectAccessible(page);
    await keepScreenshot(page, 'mast-dashboard');
    await context.close();
  });

  it("shows the DSL's open concerns by the state of their clocks", async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'dsl.oakfield');
    await page.getByRole('link', { name: 'Concerns by clock' }).first().click();
    await page.waitForURL('**/app/schools/school-oakfield/safeguarding-dashboard');
    const rows = await tableRows(page);
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['0', '1', '1', '2'],
      ['1', '0', '0', '1'],
      ['0', '0', '0', '0'],
      ['0', '0', '0', '0'],
      ['0', '0', '0', '0'],
    ]);
    expect(rows[0][0]).toContain("Social care's decision on the referral");
    expect(await page.locator('svg.app-chart rect').count()).toBe(15);
    expect(await page.locator('main').textContent()).toContain('2 open concerns');
    await expectAccessible(page);
    await keepScreenshot(page, 'dsl-dashboard');
    await context.close();
  });
});
