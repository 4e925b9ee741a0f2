import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { expectAccessible, keepScreenshot, openScreens, type Screens, signIn } from './support/browser';

/** The platform's clock, moved on by whole days: the concerns are seeded a week before the walk (ADR 009). */
const movableClock = () => {
  let offsetMs = 0;
  const origin = Date.parse('2026-11-24T09:00:00Z');
  const started = performance.now();
  return {
    clock: () => new Date(origin + offsetMs + (performance.now() - started)),
    advanceDays: (d: number) => (offsetMs += d * 86_400_000),
  };
};

/**
 * The DSL's concerns queue
 * and review, restricting a record and breaking its glass; then a without-consent share
 * proposed by the mentor, approved by the DSL, disclosed field by field after a preview,
 * and seen by the police practitioner exactly as previewed.
 */
describe('the DSL and lawful sharing, in Chromium', () => {
  let screens: Screens;
  const time = movableClock();
  const contexts: BrowserContext[] = [];
  let leon: string;
  let maya: string;
  let awaitingConcern: string;

  const api = async (userId: string, path: string, body: object) => {
    const answer = await request(screens.platform.http)
      .post(path)
      .set('Authorization', `Bearer ${await screens.platform.tokenFor(userId)}`)
      .send(body);
    expect([200, 201]).toContain(answer.status);
    return answer.body;
  };
  const register = async (givenName: string) =>
    (
      await api('senco.oakfield', '/children', {
        givenName,
        familyName: 'Example',
        dateOfBirth: '2014-03-09',
        schoolId: 'school-oakfield',
        yearGroup: 7,
        flags: ['young-carer'],
      })
    ).childId as string;
  const referOn = (reviewedOn: string) => ({
    outcome: 'refer-to-social-care',
    reasons: 'Bruising seen twice in a week',
    reviewedOn,
    referral: {
      ground: 'risk-of-significant-harm',
      urgency: 'within-one-working-day',
      categories: ['identity', 'safeguarding'],
      summary: 'Bruising on both arms',
    },
  });
  const as = async (userId: string, javaScriptEnabled = true): Promise<Page> => {
    const context = await screens.context({ javaScriptEnabled });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, userId);
    return page;
  };
  const seen = async (page: Page, name: string) => {
    await expectAccessible(page);
    await keepScreenshot(page, name);
  };

  beforeAll(async () => {
    screens = await openScreens('screens_dsl', {}, { clock: time.clock });
    leon = await register('Leon');
    maya = await register('Maya');
    // A week ago: one referral social care decided late (breached, with its reason), one it has not decided (late).
    const breached = (
      await api('teacher.oakfield', '/concerns', { childId: maya, seenOrHeard: 'Maya said she is scared to go home' })
    ).concernId;
    await api('dsl.oakfield', `/concerns/${breached}/review`, referOn('2026-11-24'));
    const overdue = (
      await api('teacher.oakfield', '/concerns', { childId: leon, seenOrHeard: 'Leon had bruises on his arms' })
    ).concernId;
    await api('dsl.oakfield', `/concerns/${overdue}/review`, referOn('2026-11-24'));
    time.advanceDays(7);
    await api('social.worker', `/concerns/${breached}/social-care-decision`, {
      decision: 'strategy-discussion',
      reasons: 'Section 47 threshold met',
      decidedOn: '2026-11-27',
      lateReason: 'The referral reached the duty team after the weekend',
    });
    awaitingConcern = (
      await api('teacher.oakfield', '/concerns', {
        childId: leon,
        seenOrHeard: 'Leon said his stepfather hit him last night',
      })
    ).concernId;
  }, 90_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await screens?.close();
  });

  it('the DSL sees the concerns queue with its clocks, opens a concern and refers it to social care on a Box 13 ground', async () => {
    const page = await as('dsl.oakfield');
    await page.locator('.govuk-service-navigation').getByRole('link', { name: 'Safeguarding concerns' }).click();
    expect(new URL(page.url()).pathname).toBe('/app/schools/school-oakfield/concerns');
    const queue = page.locator('main');
    await queue.locator('.govuk-tag', { hasText: 'Late' }).waitFor();
    expect(await queue.locator('.govuk-tag', { hasText: 'Late' }).count()).toBe(1);
    expect(await queue.locator('.govuk-tag', { hasText: 'Breached' }).count()).toBe(1);
    expect(await queue.textContent()).toContain('Why late: The referral reached the duty team after the weekend');
    await seen(page, 'dsl-concerns');

    await page.getByRole('link', { name: 'Review the concern about Leon Example' }).click();
    expect(new URL(page.url()).pathname).toBe(`/app/concerns/${awaitingConcern}/review`);
    expect(await page.locator('.govuk-inset-text').textContent()).toContain('his stepfather hit him');
    await page.getByRole('button', { name: 'Record the review' }).click();
    // The domain's refusal, named by the API's field, linked to it.
    expect(await page.locator('.govuk-error-summary').getByRole('link').first().getAttribute('href')).toBe('#outcome');
    await expectAccessible(page);
    await page.getByLabel("Refer to children's social care").check();
    await page.getByLabel('Your reasons').fill('A disclosure of physical harm by a household member');
    await page.getByLabel('The child or others are at risk of significant harm').check();
    await page.getByLabel('Immediately').check();
    await page.getByLabel('Identity').check();
    await page.getByLabel('Safeguarding').check();
    await page
      .getByLabel('Summary for social care')
      .fill('Leon disclosed being hit by his stepfather last night; marks seen');
    await page.getByLabel('No', { exact: true }).check();
    await page.getByLabel('If not: why not').fill('Telling the family could put Leon at further risk');
    await seen(page, 'dsl-concern-review');
    await page.getByRole('button', { name: 'Record the review' }).click();

    expect(new URL(page.url()).pathname).toBe(`/app/concerns/${awaitingConcern}`);
    expect(await page.locator('.govuk-caption-l').textContent()).toBe('Referred to social care');
    expect(await page.locator('main .govuk-tag').first().textContent()).toBe('Due');
    const timeline = page.locator('.moj-timeline');
    expect(await timeline.locator('.moj-timeline__title').allTextContents()).toEqual([
      "Referred to children's social care",
      "Reviewed by the DSL: Refer to children's social care",
      'Concern raised',
    ]);
    expect(await timeline.textContent()).toContain(
      'Without consent, because of a risk of significant harm to the child or others',
    );
    expect(await timeline.textContent()).toContain('by Mia Turner (class teacher)');
    await seen(page, 'dsl-concern');
  }, 120_000);

  it('the DSL restricts the record to named users; anyone else is asked for a reason before it opens, and the reason is logged', async () => {
    const dsl = await as('dsl.oakfield');
    await dsl.goto(`/app/children/${leon}`);
    await dsl.getByRole('link', { name: 'Restrict who can open this record' }).click();
    await dsl.getByRole('button', { name: 'Restrict the record' }).click();
    expect(await dsl.locator('.govuk-error-summary').getByRole('link').first().getAttribute('href')).toBe('#reason');
    await dsl.getByLabel('Why is the record restricted?').fill('A disclosure of abuse by a household member');
    await dsl.getByLabel('Grace Okafor (DSL), Oakfield Primary School').check();
    await dsl.getByLabel('Tom Evans (SENCo), Oakfield Primary School').check();
    await dsl.getByRole('button', { name: 'Restrict the record' }).click();
    expect(await dsl.locator('.govuk-inset-text').textContent()).toContain('Grace Okafor (DSL), Tom Evans (SENCo)');
    await seen(dsl, 'dsl-restriction');

    const mentor = await as('mentor.oakfield');
    await mentor.goto(`/app/children/${leon}`);
    expect(await mentor.locator('h1').textContent()).toBe('This record is restricted');
    expect(await mentor.textContent('main')).not.toContain('Leon');
    await seen(mentor, 'restricted-record');
    await mentor.getByRole('button', { name: 'Give a reason to open it' }).click();
    expect(new URL(mentor.url()).pathname).toBe(`/app/children/${leon}/break-glass`);
    await seen(mentor, 'break-glass');
    await mentor.getByRole('button', { name: 'Open the record' }).click();
    expect(await mentor.locator('.govuk-error-summary').getByRole('link').first().getAttribute('href')).toBe('#reason');
    await mentor.getByLabel('Why do you need to open it?').fill('Leon is asking for me and is very upset in class');
    await mentor.getByRole('button', { name: 'Open the record' }).click();
    expect(new URL(mentor.url()).pathname).toBe(`/app/children/${leon}`);
    expect(await mentor.locator('h1').textContent()).toBe('Leon Example');
    const [logged] = await screens.platform.runtime.dataSource.query(
      `SELECT reason, basis FROM access.access_log WHERE user_id = 'mentor.oakfield' AND resource = 'break-glass' ORDER BY seq DESC LIMIT 1`,
    );
    expect(logged).toEqual({ reason: 'Leon is asking for me and is very upset in class', basis: 'break-glass' });

    // Without JavaScript the same way works: the pages are links and forms (axe runs in the page's script, so it is checked above).
    const head = await as('head.oakfield', false);
    await head.goto(`/app/children/${leon}`);
    await head.getByRole('button', { name: 'Give a reason to open it' }).click();
    await head.getByLabel('Why do you need to open it?').fill('Covering for the DSL at a child protection conference');
    await head.getByRole('button', { name: 'Open the record' }).click();
    expect(await head.locator('h1').textContent()).toBe('Leon Example');
  }, 180_000);

  it('a DSL approves a without-consent share and discloses only the allowed fields, which the police practitioner then sees', async () => {
    // The DSL's own proposal waits for someone else: it never reaches their own inbox.
    const own = (
      await api('dsl.oakfield', '/sharing', {
        childId: maya,
        origin: 'proactive',
        purpose: 'Own proposal',
        recipient: { agencyId: 'police' },
        categories: ['identity'],
      })
    ).sharingId;
    await api('dsl.oakfield', `/sharing/${own}/basis`, {
      basis: { kind: 'without-consent', ground: 'police-serious-crime-investigation', justification: 'Police enquiry' },
    });

    const mentor = await as('mentor.oakfield');
    await mentor.goto(`/app/children/${maya}`);
    await mentor.getByRole('link', { name: 'Propose to share information about Maya Example' }).click();
    await mentor
      .getByLabel('Why would it be shared?')
      .fill('The police are investigating an assault on Maya and need to identify her');
    await mentor.getByLabel('Which agency would receive it?').selectOption('police');
    await mentor.getByLabel('Which person there? (optional)').selectOption('practitioner.police');
    await mentor.getByLabel('Identity').check();
    await mentor.getByLabel('Education', { exact: true }).check();
    await seen(mentor, 'sharing-propose');
    await mentor.getByRole('button', { name: 'Continue to the lawful basis' }).click();

    expect(await mentor.locator('h1').textContent()).toBe('On what basis would it be shared?');
    // Consent read by the platform: none covers sharing with the police.
    expect(await mentor.locator('table').textContent()).toContain('Not covered');
    await mentor.getByLabel('Without consent, on a Box 13 ground').check();
    await mentor.getByLabel('A police investigation of a serious crime').check();
    await mentor
      .getByLabel('If without consent: why this ground applies')
      .fill('Maya was assaulted on her way home; PC Owen leads the investigation');
    await seen(mentor, 'sharing-basis');
    await mentor.getByRole('button', { name: 'Record the basis' }).click();

    expect(await mentor.locator('h1').textContent()).toBe('Box 16 checklist and the seven golden rules');
    const questions = mentor.locator('form fieldset');
    await questions.nth(16).waitFor();
    expect(await questions.count()).toBe(17);
    for (let i = 0; i < 17; i += 1) await questions.nth(i).getByLabel('Yes').check();
    await seen(mentor, 'sharing-checklist');
    await mentor.getByRole('button', { name: 'Record the answers' }).click();
    expect(await mentor.locator('.govuk-task-list').textContent()).toContain('Approval by the DSL or head teacher');

    const dsl = await as('dsl.oakfield');
    await dsl.locator('.govuk-service-navigation').getByRole('link', { name: 'Sharing to approve' }).click();
    const inbox = dsl.locator('main tbody tr');
    await inbox.first().waitFor();
    expect(await inbox.count()).toBe(1);
    expect(await inbox.textContent()).toContain('Priya Shah (learning mentor)');
    await seen(dsl, 'sharing-approvals');
    await dsl.getByRole('link', { name: /Maya Example/ }).click();
    await dsl
      .getByLabel('Your discussion with the proposer')
      .fill('Discussed with Priya at 9:10: identity only, to PC Owen');
    await seen(dsl, 'sharing-approval');
    await dsl.getByRole('button', { name: 'Approve' }).click();

    await dsl.getByRole('link', { name: 'Decision' }).click();
    // Only what was proposed is offered: identity and education, never the child's circumstances.
    await dsl.getByRole('button', { name: 'Record the decision' }).waitFor();
    const offered = await dsl
      .locator('input[name="fields-child-record"]')
      .evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
    expect(offered.sort()).toEqual(['dateOfBirth', 'familyName', 'givenName', 'schoolId', 'upn', 'yearGroup']);
    await dsl.getByLabel('Share in part').check();
    for (const label of ['Given name', 'Family name', 'Year group']) await dsl.getByLabel(label).check();
    await dsl
      .getByLabel('Your reasons')
      .fill('PC Owen needs to identify Maya; nothing about her circumstances is needed');
    await dsl.getByLabel('No', { exact: true }).check();
    await dsl.getByLabel('If not: why not').fill('The suspect lives in the household');
    await dsl.getByLabel('Disclosures allowed until').fill('2026-12-31');
    await seen(dsl, 'sharing-decision');
    await dsl.getByRole('button', { name: 'Record the decision' }).click();

    await dsl.getByRole('button', { name: /Preview what PC Mark Owen/ }).waitFor();
    expect(new URL(dsl.url()).pathname).toMatch(/\/disclosure$/);
    const picker = await dsl
      .locator('input[type="checkbox"]')
      .evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
    expect(picker.sort()).toEqual(['familyName', 'givenName', 'yearGroup']);
    for (const label of ['Given name', 'Family name', 'Year group']) await dsl.getByLabel(label).check();
    await dsl.getByRole('button', { name: /Preview what PC Mark Owen/ }).click();
    const preview = dsl.locator('.app-preview dl');
    const previewed = await preview.textContent();
    expect(previewed).toContain('Maya');
    expect(previewed).not.toContain('2014');
    await seen(dsl, 'sharing-disclosure-preview');
    await dsl.getByRole('button', { name: 'Send it' }).click();
    expect(await dsl.locator('.govuk-task-list').textContent()).toContain('1 sent');

    const police = await as('practitioner.police');
    // The page the preview is rendered from: what this recipient sees of each disclosure, by child.
    await police.goto('/app/agencies/police/received-information');
    const received = police.locator('main .app-received-child');
    await received.locator('dl').waitFor();
    expect(await received.locator('h2').allTextContents()).toEqual(['Maya Example']);
    // The recipient's page renders what the preview showed, field for field.
    expect(await received.locator('dl').textContent()).toBe(previewed);
    expect(await received.textContent()).not.toContain('Young carer');
    await seen(police, 'information-received');
  }, 240_000);
});
