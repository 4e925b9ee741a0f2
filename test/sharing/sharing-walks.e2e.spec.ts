import { BOX_16_CHECKLIST, GOLDEN_RULES } from '@app/domain';
import { apiClient } from '../support/api-client';
import { parentalConsentTo } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

const allAnswered = { answers: [...BOX_16_CHECKLIST, ...GOLDEN_RULES].map((item) => ({ item, answer: 'yes' })) };
const competence = {
  framework: 'gillick',
  decisionAbout: 'Whether my parents are told about my health',
  criteria: [
    'understands-what-is-proposed',
    'understands-the-consequences',
    'can-weigh-up-and-decide',
    'decides-free-of-pressure',
  ].map((criterion) => ({ criterion, met: true })),
  outcome: 'competent',
  assessedOn: '2026-11-30',
};

/**
 * Five sharing walks through the API: no path discloses without a recorded lawful basis,
 * and every disclosure is in the dpo's audit.
 */
describe('lawful information sharing and the disclosure audit', () => {
  let platform: PlatformUnderTest;
  let now = new Date('2026-12-01T09:00:00Z');
  const at = (time: string) => {
    now = new Date(`2026-12-01T${time}:00Z`);
  };
  const { as, get, post, registerChild } = apiClient(() => platform);
  let childId: string;
  let consentId: string;

  const register = async (givenName: string, dateOfBirth: string) =>
    await registerChild({ givenName, dateOfBirth, yearGroup: 8 });
  const propose = async (userId: string, body: object) => {
    const proposed = await post(userId, '/sharing', {
      childId,
      origin: 'proactive',
      purpose: 'Coordinated support',
      ...body,
    });
    expect(proposed.status).toBe(201);
    return proposed.body.sharingId as string;
  };
  const step = (userId: string, sharingId: string, name: string, body: object = {}) =>
    post(userId, `/sharing/${sharingId}/${name}`, body);
  const identityOf = (agencyId: string, userId?: string) => ({
    recipient: { agencyId, ...(userId ? { userId } : {}) },
    items: [{ recordRef: `child-record:${childId}`, fields: ['givenName', 'yearGroup'] }],
    channel: 'platform',
  });
  const refusalsOf = async (userId: string) =>
    (
      await platform.db.pool.query(
        `SELECT reason FROM access.access_log WHERE user_id = $1 AND outcome = 'refused' ORDER BY seq`,
        [userId],
      )
    ).rows.map((r) => r.reason as string);

  beforeAll(async () => {
    platform = await startPlatform('sharing_walks', {}, { clock: () => now });
    childId = await register('Leon', '2013-05-01');
    const consent = await post(
      'senco.oakfield',
      `/children/${childId}/consents`,
      parentalConsentTo('Sharing with the school nurse', 'School nursing', {
        purposes: ['information-sharing'],
        recipients: ['health'],
        categories: ['identity', 'health'],
      }),
    );
    expect(consent.status).toBe(201);
    consentId = consent.body.consentId;
  });
  afterAll(async () => {
    await platform.close();
  });

  it('shares on consent; the recipient sees exactly what was disclosed; a withdrawal blocks the next disclosure', async () => {
    const sharingId = await propose('mentor.oakfield', {
      recipient: { agencyId: 'health', userId: 'practitioner.health' },
      categories: ['identity', 'health'],
    });
    expect(
      (
        await step('mentor.oakfield', sharingId, 'decision', {
          outcome: 'share',
          items: [],
          reasons: 'x',
          redactions: [],
          familyTold: { informed: true, how: 'x' },
          validUntil: '2027-01-31',
        })
      ).body.rule,
    ).toBe('sharing.checklist-incomplete');
    expect((await step('mentor.oakfield', sharingId, 'basis', { basis: { kind: 'consent' } })).status).toBe(200);
    await step('mentor.oakfield', sharingId, 'checklist', allAnswered);
    const decided = await step('mentor.oakfield', sharingId, 'decision', {
      outcome: 'share-in-part',
      items: [{ record: 'child-record', fields: ['givenName', 'yearGroup'] }],
      reasons: 'The school nurse needs to know who Leon is to offer a drop-in; health history is not needed',
      redactions: [],
      familyTold: { informed: true, how: 'Told his mother at the review' },
      validUntil: '2027-01-31',
    });
    expect(decided.status).toBe(200);
    expect(
      (
        await step('mentor.oakfield', sharingId, 'disclosures', {
          ...identityOf('health', 'practitioner.health'),
          items: [{ recordRef: `child-record:${childId}`, fields: ['dateOfBirth'] }],
        })
      ).body.rule,
    ).toBe('sharing.beyond-scope');
    expect(
      (await step('mentor.oakfield', sharingId, 'disclosures', identityOf('health', 'practitioner.health'))).status,
    ).toBe(200);

    const received = (await get('practitioner.health', `/agencies/health/received-information?childId=${childId}`))
      .body;
    expect(received).toEqual([
      expect.objectContaining({
        recordRef: `child-record:${childId}`,
        category: 'identity',
        values: { givenName: 'Leon', yearGroup: 8 },
      }),
    ]);
    expect(JSON.stringify(received)).not.toContain('2013-05-01');
    expect((await get('practitioner.police', '/agencies/police/received-information')).body).toEqual([]);
    expect((await get('practitioner.police', '/agencies/health/received-information')).status).toBe(403);

    await post('senco.oakfield', `/children/${childId}/consents/${consentId}/withdrawal`, {
      withdrawnBy: { kind: 'parent-carer', name: 'Jo Smith', relationship: 'mother' },
      evidence: { form: 'written', documentRef: 'letter-2026-12-01' },
      reason: 'We would rather tell the nurse ourselves',
    }).then((r) => expect(r.status).toBe(200));
    const blocked = await step(
      'mentor.oakfield',
      sharingId,
      'disclosures',
      identityOf('health', 'practitioner.health'),
    );
    expect(blocked.status).toBe(403);
    expect(blocked.body.rule).toBe('sharing.consent-no-longer-covers');
    expect((await refusalsOf('mentor.oakfield')).at(-1)).toMatch(/^sharing.consent-no-longer-covers/);
    const audit = (await get('dpo', `/disclosure-audit/children/${childId}`)).body;
    expect(audit.disclosures).toHaveLength(1);
    expect(audit.disclosures[0]).toMatchObject({
      recipientAgencyId: 'health',
      basis: { kind: 'consent', consentIds: [consentId] },
      familyTold: { informed: true },
    });
  });

  it('shares without consent on risk of significant harm only once the DSL approves, and records why the family was not told', async () => {
    at('10:00');
    const sharingId = await propose('mentor.oakfield', {
      recipient: { agencyId: 'social-care' },
      categories: ['identity', 'safeguarding'],
    });
    await step('mentor.oakfield', sharingId, 'basis', {
      basis: {
        kind: 'without-consent',
        ground: 'risk-of-significant-harm',
        justification: 'Leon disclosed being hit at home',
      },
    });
    await step('mentor.oakfield', sharingId, 'checklist', allAnswered);
    const notTold = { informed: false, reason: 'Telling the family would put Leon at risk of further harm' };
    const decision = {
      outcome: 'share',
      items: [{ record: 'child-record', fields: ['givenName', 'yearGroup'] }],
      reasons: "Referral to children's social care",
      redactions: ['the neighbour'],
      familyTold: notTold,
      validUntil: '2026-12-08',
    };
    expect((await step('mentor.oakfield', sharingId, 'decision', decision)).body.rule).toBe(
      'sharing.approval-required',
    );
    expect((await step('mentor.oakfield', sharingId, 'disclosures', identityOf('social-care'))).status).toBe(403);
    expect(
      (
        await step('dsl.oakfield', sharingId, 'approval', {
          discussion: 'Discussed with the mentor at 9:10; refer today',
        })
      ).status,
    ).toBe(200);
    expect((await step('mentor.oakfield', sharingId, 'decision', decision)).status).toBe(200);
    expect((await step('mentor.oakfield', sharingId, 'disclosures', identityOf('social-care'))).status).toBe(200);

    const withoutConsent = (await get('dpo', '/disclosure-audit/without-consent')).body;
    expect(withoutConsent).toEqual([
      expect.objectContaining({
        childId,
        recipientAgencyId: 'social-care',
        basis: expect.objectContaining({ kind: 'without-consent', ground: 'risk-of-significant-harm' }),
        familyTold: notTold,
        approvedBy: expect.objectContaining({ userId: 'dsl.oakfield' }),
      }),
    ]);
    expect(
      (await get('social.worker', `/agencies/social-care/received-information?childId=${childId}`)).body,
    ).toHaveLength(1);
    expect((await get('social.worker', '/disclosure-audit/without-consent')).status).toBe(403);
  });

  // Information goes only to an agency of the directory, and a named person there.
  it('refuses a proposal to an agency or person the directory does not know, naming the field', async () => {
    const agency = await post('mentor.oakfield', '/sharing', {
      childId,
      origin: 'proactive',
      purpose: 'Coordinated support',
      recipient: { agencyId: 'helth' },
      categories: ['identity'],
    });
    expect(agency.status).toBe(400);
    expect(agency.body).toMatchObject({ field: 'recipient.agencyId', rule: 'reference.agency-unknown' });
    const elsewhere = await post('mentor.oakfield', '/sharing', {
      childId,
      origin: 'proactive',
      purpose: 'Coordinated support',
      recipient: { agencyId: 'health', userId: 'practitioner.police' },
      categories: ['identity'],
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body).toMatchObject({ field: 'recipient.userId', rule: 'reference.user-role' });
  });

  it('does not let the proposer approve their own proposal, and logs the attempt', async () => {
    at('11:00');
    const sharingId = await propose('dsl.oakfield', { recipient: { agencyId: 'police' }, categories: ['identity'] });
    await step('dsl.oakfield', sharingId, 'basis', {
      basis: {
        kind: 'without-consent',
        ground: 'police-serious-crime-investigation',
        justification: 'Police enquiry into an assault on Leon',
      },
    });
    const self = await step('dsl.oakfield', sharingId, 'approval', { discussion: 'I approve my own proposal' });
    expect(self.status).toBe(403);
    expect(self.body.rule).toBe('sharing.approver-is-proposer');
    expect((await refusalsOf('dsl.oakfield')).at(-1)).toMatch(/^sharing.approver-is-proposer/);
    expect(
      (await step('mentor.oakfield', sharingId, 'approval', { discussion: 'Not mine to approve' })).body.rule,
    ).toBe('sharing.approver-role');
    expect(
      (await step('head.oakfield', sharingId, 'approval', { discussion: 'Discussed with the DSL; approved' })).status,
    ).toBe(200);
  });

  it("a competent 13-year-old's refusal blocks sharing with the parent, but not a statutory disclosure to social care", async () => {
    at('12:00');
    expect((await post('senco.oakfield', `/children/${childId}/competence-assessments`, competence)).status).toBe(201);
    const refusal = await post('senco.oakfield', `/children/${childId}/consents`, {
      decision: 'refused',
      giver: { kind: 'child' },
      informed: {
        purpose: 'Telling my parents about my health',
        use: 'Shared with parents',
        recipients: 'My parents',
        retention: 'Until I leave',
      },
      scope: { purposes: ['information-sharing'], recipients: ['parent-carer'], categories: ['health'] },
      evidence: { form: 'verbal', witnessedBy: 'dsl.oakfield' },
      decidedOn: '2026-11-30',
      reason: 'I want to talk to the nurse without my parents knowing',
    });
    expect(refusal.status).toBe(201);

    const toParent = await propose('mentor.oakfield', {
      recipient: { agencyId: 'parent-carer' },
      categories: ['health'],
    });
    const blocked = await step('mentor.oakfield', toParent, 'basis', { basis: { kind: 'consent' } });
    expect(blocked.status).toBe(409);
    expect(blocked.body.rule).toBe('sharing.consent-does-not-cover');
    expect(blocked.body.message).toMatch(/child/i);

    const statutory = await propose('mentor.oakfield', {
      recipient: { agencyId: 'social-care' },
      categories: ['identity'],
    });
    await step('mentor.oakfield', statutory, 'basis', {
      basis: {
        kind: 'without-consent',
        ground: 'statutory-function',
        justification: 'Section 47 enquiry requested by social care',
      },
    });
    await step('mentor.oakfield', statutory, 'checklist', allAnswered);
    await step('dsl.oakfield', statutory, 'approval', { discussion: 'Statutory request; share identity only' });
    await step('mentor.oakfield', statutory, 'decision', {
      outcome: 'share',
      items: [{ record: 'child-record', fields: ['givenName', 'yearGroup'] }],
      reasons: 'Statutory enquiry',
      redactions: [],
      familyTold: { informed: true, how: 'Leon was told by the DSL' },
      validUntil: '2026-12-31',
    });
    expect((await step('mentor.oakfield', statutory, 'disclosures', identityOf('social-care'))).status).toBe(200);
  });

  it('a correction reaches every earlier recipient, and the subject-access report says what went where and why', async () => {
    at('13:00');
    const corrected = await (
      await as('senco.oakfield')
    )
      .patch(`/children/${childId}`)
      .send({ givenName: 'Leo', reason: 'Registered under a misspelt name' });
    expect(corrected.status).toBe(200);

    const healthNotices = (await get('practitioner.health', '/agencies/health/correction-notices')).body;
    const socialCareNotices = (await get('social.worker', '/agencies/social-care/correction-notices')).body;
    expect(healthNotices).toEqual([
      expect.objectContaining({ childId, corrected: { givenName: 'Leo' }, reason: 'Registered under a misspelt name' }),
    ]);
    expect(socialCareNotices).toHaveLength(2);
    expect(
      (await get('practitioner.health', `/agencies/health/received-information?childId=${childId}`)).body[0].values,
    ).toEqual({ givenName: 'Leo', yearGroup: 8 });
    expect((await get('practitioner.police', '/agencies/police/correction-notices')).body).toEqual([]);

    const recipients = (report: { disclosures: Array<{ recipient: string }> }) =>
      report.disclosures.map((d) => d.recipient);
    const dpoCopy = (await get('dpo', `/disclosure-audit/children/${childId}/subject-access?copy=dpo`)).body;
    expect(recipients(dpoCopy)).toEqual([
      'School Nursing and CAMHS, Lucy Hart (school nurse)',
      "Children's Social Care",
      "Children's Social Care",
    ]);
    // The family is not told of the referral that would put Leon at risk: their copy leaves it out.
    expect(recipients((await get('dpo', `/disclosure-audit/children/${childId}/subject-access`)).body)).toEqual([
      'School Nursing and CAMHS, Lucy Hart (school nurse)',
      "Children's Social Care",
    ]);
    const page = await get('dpo', `/disclosure-audit/children/${childId}/subject-access?format=html&copy=dpo`);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Telling the family would put Leon at risk of further harm');
    expect(page.text).toContain('Without consent, because of a risk of significant harm to the child or others');
    expect((await get('dpo', `/disclosure-audit/children/${childId}/subject-access?format=html`)).text).not.toContain(
      'Telling the family would put Leon at risk',
    );
    expect((await get('dpo', '/disclosure-audit/agencies/social-care')).body).toHaveLength(2);
  });
});
