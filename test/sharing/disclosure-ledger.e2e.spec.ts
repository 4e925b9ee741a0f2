import { randomUUID } from 'node:crypto';
import { apiClient } from '../support/api-client';
import { parentalConsentTo } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/**
 * Through the API, a concern referred to social care is a disclosure
 * in the ledger, with or without consent; the subject-access report names the child, speaks
 * in words and UK dates, and the family's copy leaves out what is withheld from them while
 * the dpo's copy shows it with its exemption and reason.
 */
describe('every disclosure in the ledger, and a subject-access report for the family', () => {
  let platform: PlatformUnderTest;
  let now = new Date('2026-12-01T09:00:00Z');
  const { get, post, registerChild } = apiClient(() => platform);
  const register = async (givenName: string, familyName: string, dateOfBirth: string) =>
    await registerChild({ givenName, familyName, dateOfBirth, yearGroup: 7 });
  const refer = async (childId: string, referral: object) => {
    const concernId = (
      await post('mentor.oakfield', '/concerns', { childId, seenOrHeard: 'Said she is afraid of her step-father' })
    ).body.concernId as string;
    return {
      concernId,
      response: await post('dsl.oakfield', `/concerns/${concernId}/review`, {
        outcome: 'refer-to-social-care',
        reasons: 'Significant harm suspected',
        reviewedOn: '2026-12-01',
        referral,
      }),
    };
  };
  const ledgerOf = async (childId: string) =>
    (await get('dpo', `/disclosure-audit/children/${childId}`)).body.disclosures as Array<Record<string, unknown>>;
  const alertsSuspect = { informed: false, reason: 'Telling the family would alert a suspect' };
  let ella: string;
  let sam: string;
  let ellaConcern: string;

  beforeAll(async () => {
    platform = await startPlatform('disclosure_ledger', {}, { clock: () => now });
    ella = await register('Ella', 'Morgan', '2014-03-09');
    sam = await register('Sam', 'Patel', '2014-06-21');
    const consent = await post(
      'senco.oakfield',
      `/children/${sam}/consents`,
      parentalConsentTo("Asking children's social care for family support", "Children's social care", {
        purposes: ['information-sharing'],
        recipients: ['social-care'],
        categories: ['identity', 'family-circumstances'],
      }),
    );
    expect(consent.status).toBe(201);
  });
  afterAll(async () => {
    await platform.close();
  });

  it('a referral without consent is in the child\'s and the agency\'s ledger and in "without consent", approved by the DSL who referred', async () => {
    const { concernId, response } = await refer(ella, {
      ground: 'risk-of-significant-harm',
      urgency: 'immediate',
      categories: ['safeguarding', 'identity'],
      summary: 'Fear of going home; bruising',
      familyTold: alertsSuspect,
    });
    expect(response.status).toBe(200);
    ellaConcern = concernId;
    const entry = {
      disclosureId: `referral:${concernId}`,
      kind: 'concern-referral',
      childId: ella,
      recipientAgencyId: 'social-care',
      basis: { kind: 'without-consent', ground: 'risk-of-significant-harm' },
      approvedBy: expect.objectContaining({ userId: 'dsl.oakfield', role: 'dsl' }),
      familyTold: alertsSuspect,
      items: expect.arrayContaining([
        expect.objectContaining({ category: 'safeguarding', fields: ['summary', 'urgency'] }),
      ]),
    };
    expect(await ledgerOf(ella)).toEqual([expect.objectContaining(entry)]);
    expect((await get('dpo', '/disclosure-audit/agencies/social-care')).body).toEqual([expect.objectContaining(entry)]);
    expect((await get('dpo', '/disclosure-audit/without-consent')).body).toEqual([expect.objectContaining(entry)]);
  });

  it('a referral with consent rests on the consent the platform found, and is not "without consent"; with none it is refused', async () => {
    now = new Date('2026-12-01T10:00:00Z');
    const unconsented = await refer(ella, {
      withConsent: true,
      urgency: 'standard',
      categories: ['family-circumstances'],
      summary: 'Housing',
    });
    expect(unconsented.response.status).toBe(409);
    expect(unconsented.response.body.rule).toBe('concern.referral-consent');

    const { concernId, response } = await refer(sam, {
      withConsent: true,
      urgency: 'standard',
      categories: ['identity', 'family-circumstances'],
      summary: 'Family asks for help with housing and debt',
      familyTold: { informed: true, how: 'His mother agreed to the referral at the meeting' },
      consent: { covered: true, consentId: 'made-up' },
    });
    expect(response.status).toBe(200);
    const [entry] = await ledgerOf(sam);
    expect(entry).toMatchObject({
      disclosureId: `referral:${concernId}`,
      recipientAgencyId: 'social-care',
      basis: { kind: 'consent' },
      approvedBy: { userId: 'dsl.oakfield' },
    });
    expect((entry.basis as { consentIds: string[] }).consentIds).not.toContain('made-up');
    expect((await get('dpo', '/disclosure-audit/agencies/social-care')).body).toHaveLength(2);
    expect(
      (await get('dpo', '/disclosure-audit/without-consent')).body.map((d: { childId: string }) => d.childId),
    ).toEqual([ella]);
  });

  it("the family's copy leaves out the withheld referral; the dpo's copy shows it with its exemption and reason", async () => {
    const family = (await get('dpo', `/disclosure-audit/children/${ella}/subject-access`)).body;
    expect(family).toMatchObject({
      copy: 'family',
      child: { childId: ella, name: 'Ella Morgan', dateOfBirth: '9 March 2014' },
      generatedOn: '1 December 2026',
      disclosures: [],
    });
    expect(JSON.stringify(family)).not.toContain('alert a suspect');
    const familyPage = (await get('dpo', `/disclosure-audit/children/${ella}/subject-access?format=html`)).text;
    expect(familyPage).toContain('Information shared about Ella Morgan');
    expect(familyPage).not.toContain('alert a suspect');
    expect(familyPage).not.toContain(ella);

    const dpo = (await get('dpo', `/disclosure-audit/children/${ella}/subject-access?copy=dpo`)).body;
    expect(dpo.disclosures).toEqual([
      expect.objectContaining({
        disclosureId: `referral:${ellaConcern}`,
        date: '1 December 2026',
        recipient: "Children's Social Care",
        approvedBy: 'Grace Okafor (DSL)',
        basis: 'Without consent, because of a risk of significant harm to the child or others',
        what: expect.arrayContaining([{ category: 'Safeguarding', fields: ['Summary', 'How urgent'] }]),
        withheld: expect.objectContaining({
          exemption: 'serious-harm',
          reason: 'Telling the family would alert a suspect',
        }),
      }),
    ]);
    const dpoPage = (await get('dpo', `/disclosure-audit/children/${ella}/subject-access?format=html&copy=dpo`)).text;
    expect(dpoPage).toContain('Telling the family would alert a suspect');
    expect(dpoPage).toContain('Grace Okafor (DSL)');
  });

  it('a disclosure the family was told of is in their copy, with who approved it, in words', async () => {
    const [shown] = (await get('dpo', `/disclosure-audit/children/${sam}/subject-access`)).body.disclosures;
    expect(shown).toMatchObject({
      recipient: "Children's Social Care",
      approvedBy: 'Grace Okafor (DSL)',
      familyTold: 'Yes: His mother agreed to the referral at the meeting',
    });
    expect(shown.basis).toMatch(/^With consent/);
    expect(shown).not.toHaveProperty('withheld');
  });

  it('answers 404 for a child it does not know and 400 for a copy it does not make', async () => {
    const unknown = await get('dpo', `/disclosure-audit/children/${randomUUID()}/subject-access`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.field).toBe('childId');
    const bogus = await get('dpo', `/disclosure-audit/children/${ella}/subject-access?copy=everyone`);
    expect(bogus.status).toBe(400);
    expect(bogus.body.field).toBe('copy');
  });
});
