import request from 'supertest';
import { BOX_16_CHECKLIST, GOLDEN_RULES } from '@app/domain';
import { apiClient } from '../support/api-client';
import { parentalConsentTo } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

const allAnswered = { answers: [...BOX_16_CHECKLIST, ...GOLDEN_RULES].map((item) => ({ item, answer: 'yes' })) };
const gillick = [
  'understands-what-is-proposed',
  'understands-the-consequences',
  'can-weigh-up-and-decide',
  'decides-free-of-pressure',
].map((criterion) => ({ criterion, met: true }));
const motherEvidence = {
  checked: ['parental-responsibility', 'admission-form'],
  documentRef: 'admission-form-2019-044',
  checkedOn: '2026-11-27',
};
const inPerson = { checked: ['identity-in-person'], documentRef: 'pupil-record', checkedOn: '2026-11-27' };
const cafConsent = {
  ...parentalConsentTo('A common assessment at Oakfield', 'Oakfield staff', {
    purposes: ['common-assessment'],
    recipients: ['school-oakfield'],
    categories: ['education', 'health', 'family-circumstances'],
  }),
  decidedOn: '2026-11-20',
};
const nurseConsent = {
  ...parentalConsentTo('Telling the school nurse about home', 'School nursing', {
    purposes: ['information-sharing'],
    recipients: ['health'],
    categories: ['identity', 'family-circumstances'],
  }),
  decidedOn: '2026-11-20',
};
/** The child's own refusal that their parents see what is recorded about home. */
const notMyParents = {
  decision: 'refused',
  giver: { kind: 'child' },
  informed: {
    purpose: 'Whether my parents see what I say about home',
    use: 'Shown to my parents',
    recipients: 'My parents',
    retention: 'Until I leave',
  },
  scope: {
    purposes: ['information-sharing', 'common-assessment'],
    recipients: ['parent-carer'],
    categories: ['family-circumstances'],
  },
  evidence: { form: 'verbal', witnessedBy: 'dsl.oakfield' },
  decidedOn: '2026-11-26',
  reason: 'I do not want my dad to see what I said about home',
};

/**
 * Families see their own: the school links family accounts on evidence; a parent and a competent
 * 14-year-old each see what they may, through the one access policy, every read logged.
 */
describe('families see their own', () => {
  let platform: PlatformUnderTest;
  let now = new Date('2026-12-01T09:00:00Z');
  const at = (time: string) => {
    now = new Date(`2026-12-01T${time}:00Z`);
  };
  const { get, post } = apiClient(() => platform);
  const logOf = async (userId: string) =>
    (
      await platform.db.pool.query(
        `SELECT child_id, resource, outcome, basis, reason FROM access.access_log WHERE user_id = $1 ORDER BY seq`,
        [userId],
      )
    ).rows as Array<{
      child_id: string | null;
      resource: string;
      outcome: string;
      basis: string | null;
      reason: string | null;
    }>;
  /** The status, with the body alongside so a failure says why. */
  const answered = (response: request.Response, status: number) => {
    if (response.status !== status)
      throw new Error(`${response.status} instead of ${status}: ${JSON.stringify(response.body)}`);
  };
  const lastOf = async (userId: string) => (await logOf(userId)).at(-1);

  /** Leon, 14, competent, who refused his parents what he said about home; Maya, 10, who tried to. */
  let leon: string;
  let maya: string;
  let riversideChild: string;
  let leonCaf: string;
  let mayaCaf: string;
  let nurseConsentId: string;
  let sharingId: string;
  let parentLink: string;

  const register = async (
    givenName: string,
    dateOfBirth: string,
    schoolId = 'school-oakfield',
    by = 'senco.oakfield',
  ) => {
    const created = await post(by, '/children', {
      givenName,
      familyName: 'Smith',
      dateOfBirth,
      schoolId,
      yearGroup: 8,
      flags: ['young-carer'],
    });
    expect(created.status).toBe(201);
    return created.body.childId as string;
  };
  const cafWith = async (childId: string) => {
    expect((await post('senco.oakfield', `/children/${childId}/consents`, cafConsent)).status).toBe(201);
    const started = await post('mentor.oakfield', '/cafs', {
      childId,
      startedOn: '2026-11-30',
      reasonForAssessment: 'Caring at home; attendance falling',
    });
    expect(started.body).toMatchObject({ cafId: expect.any(String) });
    const cafId = started.body.cafId as string;
    const contribute = (element: string, domain: string, text: string, extra: object = {}) =>
      post('mentor.oakfield', `/cafs/${cafId}/contributions`, {
        domain,
        element,
        text,
        recordedOn: '2026-11-30',
        ...extra,
      });
    expect((await contribute('learning', 'development-of-the-child', 'Bright in maths when present')).status).toBe(200);
    expect((await contribute('basic-care', 'parents-and-carers', 'Says dad shouts when mum is unwell')).status).toBe(
      200,
    );
    expect(
      (
        await contribute('housing-employment-and-finance', 'family-and-environment', 'Penalty warning considered', {
          withheldFromFamily: { reason: 'Enforcement not yet discussed with the family' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post('mentor.oakfield', `/cafs/${cafId}/views`, {
          whose: 'child',
          views: 'I want to do well but home is hard',
          recordedOn: '2026-11-30',
        })
      ).status,
    ).toBe(200);
    return cafId;
  };
  const disclosure = (field: string) => ({
    recipient: { agencyId: 'health', userId: 'practitioner.health' },
    items: [{ recordRef: `child-record:${leon}`, fields: [field] }],
    channel: 'platform',
  });

  beforeAll(async () => {
    platform = await startPlatform('families_see_their_own', {}, { clock: () => now });
    leon = await register('Leon', '2012-05-01');
    maya = await register('Maya', '2016-02-10');
    riversideChild = await register('Rhys', '2013-01-05', 'school-riverside', 'senco.riverside');
    leonCaf = await cafWith(leon);
    mayaCaf = await cafWith(maya);

    expect(
      (
        await post('dsl.oakfield', `/children/${leon}/competence-assessments`, {
          framework: 'gillick',
          decisionAbout: 'Whether my parents see what I say',
          criteria: gillick,
          outcome: 'competent',
          assessedOn: '2026-11-25',
        })
      ).status,
    ).toBe(201);
    expect((await post('dsl.oakfield', `/children/${leon}/consents`, notMyParents)).status).toBe(201);
    // Maya is 10: her refusal is recorded as her wishes, and does not bind her parents (§1d).
    expect((await post('dsl.oakfield', `/children/${maya}/consents`, notMyParents)).status).toBe(201);

    const consent = await post('senco.oakfield', `/children/${leon}/consents`, nurseConsent);
    expect(consent.status).toBe(201);
    nurseConsentId = consent.body.consentId;
    const proposed = await post('mentor.oakfield', '/sharing', {
      childId: leon,
      origin: 'proactive',
      purpose: 'Support from the school nurse',
      recipient: { agencyId: 'health', userId: 'practitioner.health' },
      categories: ['identity', 'family-circumstances'],
    });
    sharingId = proposed.body.sharingId;
    await post('mentor.oakfield', `/sharing/${sharingId}/basis`, { basis: { kind: 'consent' } });
    await post('mentor.oakfield', `/sharing/${sharingId}/checklist`, allAnswered);
    const decided = await post('mentor.oakfield', `/sharing/${sharingId}/decision`, {
      outcome: 'share',
      items: [{ record: 'child-record', fields: ['givenName', 'flags'] }],
      reasons: 'The nurse offers a drop-in to young carers',
      redactions: [],
      familyTold: { informed: true, how: 'Told Leon and his mother at the CAF meeting' },
      validUntil: '2027-01-31',
    });
    answered(decided, 200);
    answered(await post('mentor.oakfield', `/sharing/${sharingId}/disclosures`, disclosure('givenName')), 200);
    at('09:05');
    answered(await post('mentor.oakfield', `/sharing/${sharingId}/disclosures`, disclosure('flags')), 200);

    // A decision not to share what Leon said about home: it says what it is about, so his parent's copy leaves it out too.
    const proposal = await post('mentor.oakfield', '/sharing', {
      childId: leon,
      origin: 'proactive',
      purpose: 'Telling the youth club about home',
      recipient: { agencyId: 'youth-service' },
      categories: ['family-circumstances'],
    });
    answered(proposal, 201);
    const notShared = proposal.body.sharingId;
    await post('mentor.oakfield', `/sharing/${notShared}/checklist`, allAnswered);
    answered(
      await post('mentor.oakfield', `/sharing/${notShared}/decision`, {
        outcome: 'refuse',
        items: [],
        reasons: 'Leon asked us not to tell the youth club about home',
        redactions: [],
        familyTold: { informed: true, how: 'Told Leon' },
        validUntil: '2026-12-31',
      }),
      200,
    );

    // Shared without telling the family, to protect Leon: withheld from every family copy.
    const toSocialCare = (
      await post('mentor.oakfield', '/sharing', {
        childId: leon,
        origin: 'proactive',
        purpose: 'Referral',
        recipient: { agencyId: 'social-care' },
        categories: ['identity'],
      })
    ).body.sharingId;
    await post('mentor.oakfield', `/sharing/${toSocialCare}/basis`, {
      basis: {
        kind: 'without-consent',
        ground: 'risk-of-significant-harm',
        justification: 'Leon disclosed being hit at home',
      },
    });
    await post('mentor.oakfield', `/sharing/${toSocialCare}/checklist`, allAnswered);
    await post('dsl.oakfield', `/sharing/${toSocialCare}/approval`, { discussion: 'Refer today' });
    await post('mentor.oakfield', `/sharing/${toSocialCare}/decision`, {
      outcome: 'share',
      items: [{ record: 'child-record', fields: ['givenName'] }],
      reasons: 'Referral to social care',
      redactions: [],
      familyTold: { informed: false, reason: 'Telling his father would put Leon at risk' },
      validUntil: '2026-12-08',
    });
    expect(
      (
        await post('mentor.oakfield', `/sharing/${toSocialCare}/disclosures`, {
          recipient: { agencyId: 'social-care' },
          items: [{ recordRef: `child-record:${leon}`, fields: ['givenName'] }],
          channel: 'platform',
        })
      ).status,
    ).toBe(200);
  });
  afterAll(async () => {
    await platform.close();
  });

  it('refuses a parent not yet linked, and logs it', async () => {
    const refused = await get('parent.demo', `/family/children/${leon}/cafs`);
    expect(refused.status).toBe(403);
    expect(await lastOf('parent.demo')).toMatchObject({
      child_id: leon,
      resource: 'GET /family/children/:childId/cafs',
      outcome: 'refused',
      reason: 'not linked to this child',
    });
    expect((await get('parent.demo', '/family/children')).body).toEqual([]);
  });

  it("links on evidence, by the DSL or head teacher of the child's school only", async () => {
    const body = {
      userId: 'parent.demo',
      kind: 'parent-carer',
      relationship: 'mother',
      evidence: motherEvidence,
      linkedOn: '2026-11-27',
    };
    expect((await post('senco.oakfield', `/children/${leon}/family-links`, body)).status).toBe(403);
    expect((await post('dsl.riverside', `/children/${leon}/family-links`, body)).status).toBe(403);
    expect((await post('parent.demo', `/children/${leon}/family-links`, body)).status).toBe(403);
    const linked = await post('dsl.oakfield', `/children/${leon}/family-links`, body);
    expect(linked.status).toBe(201);
    parentLink = linked.body.linkId;
    expect((await post('dsl.oakfield', `/children/${leon}/family-links`, body)).body).toMatchObject({
      rule: 'family.already-linked',
    });
    expect((await post('head.oakfield', `/children/${maya}/family-links`, body)).status).toBe(201);
    expect(
      (
        await post('dsl.oakfield', `/children/${leon}/family-links`, {
          userId: 'young.person',
          kind: 'young-person',
          evidence: inPerson,
          linkedOn: '2026-11-27',
        })
      ).status,
    ).toBe(201);

    const links = (await get('dsl.oakfield', `/children/${leon}/family-links`)).body;
    expect(links).toEqual([
      expect.objectContaining({
        linkId: parentLink,
        userId: 'parent.demo',
        kind: 'parent-carer',
        relationship: 'mother',
        evidence: motherEvidence,
        linkedBy: 'dsl.oakfield',
        unlinked: null,
      }),
      expect.objectContaining({ userId: 'young.person', kind: 'young-person', relationship: null }),
    ]);
    expect((await get('parent.demo', '/family/children')).body).toEqual([
      expect.objectContaining({ childId: leon, name: 'Leon Smith', kind: 'parent-carer', relationship: 'mother' }),
      expect.objectContaining({ childId: maya, name: 'Maya Smith' }),
    ]);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const link = (body: object) => post('dsl.oakfield', `/children/${riversideChild}/family-links`, body);
    const linkLeon = (body: object) =>
      post('dsl.oakfield', `/children/${leon}/family-links`, {
        userId: 'parent.demo',
        kind: 'parent-carer',
        relationship: 'father',
        evidence: motherEvidence,
        linkedOn: '2026-11-27',
        ...body,
      });
    expect((await link({})).status).toBe(403);
    const cases: Array<[object, string]> = [
      [{ evidence: { ...motherEvidence, checked: ['admission-form'] } }, 'evidence.checked'],
      [{ evidence: { ...motherEvidence, checked: ['parental-responsibility', 'a-hunch'] } }, 'evidence.checked[1]'],
      [{ evidence: { ...motherEvidence, documentRef: '' } }, 'evidence.documentRef'],
      [{ evidence: { ...motherEvidence, checkedOn: '2026-11-28' } }, 'evidence.checkedOn'],
      [{ relationship: 'neighbour' }, 'relationship'],
      [{ kind: 'uncle' }, 'kind'],
      [{ linkedOn: '2026-12-02' }, 'linkedOn'],
      [{ linkedOn: '27/11/2026' }, 'linkedOn'],
      [{ userId: 'mentor.oakfield' }, 'userId'],
      [{ userId: 'nobody.at.all' }, 'userId'],
      [{ colour: 'blue' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const answer = await linkLeon(body);
      expect({ field, status: answer.status, named: answer.body.field ?? answer.body.message }).toEqual({
        field,
        status: 400,
        named: expect.stringContaining(field),
      });
    }
    expect(
      (
        await post('dsl.oakfield', `/children/${leon}/family-links/${parentLink}/unlinking`, {
          unlinkedOn: '2026-12-01',
        })
      ).body.message,
    ).toContain('reason');
    expect(
      (
        await post('dsl.oakfield', `/children/${leon}/family-links/not-a-uuid/unlinking`, {
          reason: 'x',
          unlinkedOn: '2026-12-01',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await post('parent.demo', `/family/children/${leon}/consents/${nurseConsentId}/withdrawal`, {
          withdrawnBy: { kind: 'child' },
        })
      ).body,
    ).toMatchObject({ field: 'withdrawnBy' });
    // Nothing of the refused links was written.
    expect((await get('dsl.oakfield', `/children/${leon}/family-links`)).body).toHaveLength(2);
  });

  it('shows a parent of a competent 14-year-old the family-held CAF, their consents and what was shared, less what Leon refused them', async () => {
    at('10:00');
    const cafs = await get('parent.demo', `/family/children/${leon}/cafs`);
    expect(cafs.status).toBe(200);
    expect(cafs.body.cafs).toHaveLength(1);
    const [copy] = cafs.body.cafs;
    expect(copy).toMatchObject({ cafId: leonCaf, reasonForAssessment: 'Caring at home; attendance falling' });
    expect(copy.assessment.map((a: { element: string }) => a.element)).toEqual(['learning']);
    expect(JSON.stringify(cafs.body)).not.toMatch(/dad shouts|Penalty warning|home is hard/);

    const consents = (await get('parent.demo', `/family/children/${leon}/consents`)).body.consents;
    expect(consents.map((c: { decidedBy: string }) => c.decidedBy)).toEqual(['parent-carer', 'parent-carer']);
    expect(consents.find((c: { consentId: string }) => c.consentId === nurseConsentId)).toMatchObject({
      decision: 'given',
      relationship: 'mother',
      recipients: ['health'],
      status: 'in-force',
    });

    const shared = (await get('parent.demo', `/family/children/${leon}/shared`)).body;
    expect(shared).toMatchObject({ copy: 'family', child: { childId: leon, name: 'Leon Smith' } });
    expect(shared.disclosures).toEqual([
      expect.objectContaining({
        recipient: 'School Nursing and CAMHS, Lucy Hart (school nurse)',
        what: [{ category: 'Identity', fields: ['Given name'] }],
      }),
    ]);
    expect(shared.decisionsNotToShare).toEqual([]);
    expect(JSON.stringify(shared)).not.toMatch(/Social Care|put Leon at risk|Circumstances|youth club/i);

    const reads = (await logOf('parent.demo'))
      .filter((e) => e.outcome === 'allowed' && e.child_id === leon)
      .map((e) => [e.resource, e.basis]);
    expect(reads).toEqual(
      expect.arrayContaining([
        ['GET /family/children/:childId/cafs', 'linked-family-member:mother'],
        ['GET /family/children/:childId/consents', 'linked-family-member:mother'],
        ['GET /family/children/:childId/shared', 'linked-family-member:mother'],
      ]),
    );
  });

  it('shows the competent 14-year-old his own, whole, once assessed competent, and still not what is withheld to protect him', async () => {
    at('10:30');
    const cafs = await get('young.person', `/family/children/${leon}/cafs`);
    expect(cafs.status).toBe(200);
    expect(cafs.body.cafs[0].assessment.map((a: { element: string }) => a.element)).toEqual(['learning', 'basic-care']);
    expect(cafs.body.cafs[0].views).toEqual([
      expect.objectContaining({ whose: 'child', views: 'I want to do well but home is hard' }),
    ]);
    expect(JSON.stringify(cafs.body)).not.toContain('Penalty warning');
    expect(
      (await get('young.person', `/family/children/${leon}/consents`)).body.consents.map(
        (c: { decidedBy: string; decision: string }) => `${c.decidedBy} ${c.decision}`,
      ),
    ).toEqual(['parent-carer given', 'child refused', 'parent-carer given']);
    const shared = (await get('young.person', `/family/children/${leon}/shared`)).body;
    expect(shared.disclosures.map((d: { what: unknown }) => d.what)).toEqual([
      [{ category: 'Identity', fields: ['Given name'] }],
      [{ category: 'Family circumstances', fields: ['Circumstances (looked after, young carer, forces family, SEN)'] }],
    ]);
    expect(shared.decisionsNotToShare).toEqual([
      expect.objectContaining({
        recipient: 'Youth Service',
        reasons: 'Leon asked us not to tell the youth club about home',
      }),
    ]);
    expect(JSON.stringify(shared)).not.toMatch(/Social Care|put Leon at risk/);
    expect(await lastOf('young.person')).toMatchObject({ outcome: 'allowed', basis: 'linked-family-member:self' });
  });

  it("puts each family view in the dpo's ledger by child: to whom, on what basis, what was shown, never told back to the family", async () => {
    const ledger = (await get('dpo', `/disclosure-audit/children/${leon}`)).body.disclosures as Array<
      Record<string, unknown>
    >;
    const views = ledger.filter((e) => e.kind === 'family-view');
    // One clock instant per reader here: the ledger orders their entries by id, so compared as a set.
    expect(views.map((v) => [v.recipientUserId, v.purpose]).sort()).toEqual([
      ['parent.demo', 'Shown to the family on the platform: the family-held copy of the CAF'],
      ['parent.demo', 'Shown to the family on the platform: their consents'],
      ['parent.demo', 'Shown to the family on the platform: what was shared about the child'],
      ['young.person', 'Shown to the family on the platform: the family-held copy of the CAF'],
      ['young.person', 'Shown to the family on the platform: their consents'],
      ['young.person', 'Shown to the family on the platform: what was shared about the child'],
    ]);
    const cafViewBy = (userId: string) =>
      views.find((v) => v.recipientUserId === userId && String(v.purpose).endsWith('CAF'))!;
    const [parentsCaf, youngCaf] = [cafViewBy('parent.demo'), cafViewBy('young.person')];
    expect(parentsCaf).toMatchObject({
      recipientAgencyId: 'family',
      channel: 'platform',
      basis: { kind: 'family-right-of-access', law: expect.stringContaining('parental responsibility') },
    });
    // What Leon refused his parents was not shown to them, so it is not in their entry; his own shows it.
    expect(parentsCaf.items).toEqual([
      expect.objectContaining({ recordRef: `caf:${leonCaf}`, category: null }),
      { recordRef: `caf:${leonCaf}`, category: 'education', fields: ['learning'] },
    ]);
    expect(youngCaf.items).toContainEqual({
      recordRef: `caf:${leonCaf}`,
      category: 'family-circumstances',
      fields: ['basic-care'],
    });
    expect(youngCaf.basis).toMatchObject({ law: expect.stringContaining("the young person's own right of access") });
    expect(JSON.stringify(youngCaf)).not.toContain('home is hard');
    expect(
      (
        (await get('young.person', `/family/children/${leon}/shared`)).body.disclosures as Array<{ recipient: string }>
      ).map((d) => d.recipient),
    ).not.toContainEqual(expect.stringContaining('Parents, carers'));
  });

  it('lets the parent of a 10-year-old see what she would rather they did not (a parent decides under 12)', async () => {
    const copy = (await get('parent.demo', `/family/children/${maya}/cafs`)).body.cafs[0];
    expect(copy.cafId).toBe(mayaCaf);
    expect(copy.assessment.map((a: { element: string }) => a.element)).toEqual(['learning', 'basic-care']);
    expect(copy.views).toHaveLength(1);
  });

  it('refuses a young person who does not yet decide for themselves', async () => {
    const created = await post('admin', '/users', {
      userId: 'maya.smith',
      displayName: 'Maya Smith',
      role: 'young-person',
      agencyId: 'family',
    });
    expect(created.status).toBe(201);
    expect(
      (
        await post('dsl.oakfield', `/children/${maya}/family-links`, {
          userId: 'maya.smith',
          kind: 'young-person',
          evidence: inPerson,
          linkedOn: '2026-11-27',
        })
      ).status,
    ).toBe(201);
    expect((await get('maya.smith', `/family/children/${maya}/cafs`)).status).toBe(403);
    expect((await lastOf('maya.smith'))?.reason).toMatch(/decide for themselves/);
  });

  it('refuses a parent once the young person is 18: an adult decides alone', async () => {
    const adult = await register('Sam', '2008-11-30');
    answered(
      await post('dsl.oakfield', `/children/${adult}/family-links`, {
        userId: 'parent.demo',
        kind: 'parent-carer',
        relationship: 'mother',
        evidence: motherEvidence,
        linkedOn: '2026-11-27',
      }),
      201,
    );
    expect((await get('parent.demo', `/family/children/${adult}/consents`)).status).toBe(403);
    expect((await lastOf('parent.demo'))?.reason).toMatch(/at 18/);
  });

  it('lets the parent withdraw their consent from the platform; the next disclosure that relied on it is refused', async () => {
    at('11:00');
    const withdrawn = await post('parent.demo', `/family/children/${leon}/consents/${nurseConsentId}/withdrawal`, {
      reason: 'We will talk to the nurse ourselves',
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ consentId: nurseConsentId });
    expect(
      (await post('parent.demo', `/family/children/${leon}/consents/${nurseConsentId}/withdrawal`, {})).body.rule,
    ).toBe('consent.already-withdrawn');
    const consents = (await get('parent.demo', `/family/children/${leon}/consents`)).body.consents;
    expect(consents.find((c: { consentId: string }) => c.consentId === nurseConsentId)).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: '2026-12-01T11:00:00.000Z',
    });
    const events = await platform.db.pool.query(
      `SELECT metadata FROM event_store.events WHERE stream_id = $1 AND type = 'ConsentWithdrawn'`,
      [`consent-${leon}`],
    );
    expect(events.rows[0].metadata.actor).toMatchObject({ userId: 'parent.demo', role: 'parent-carer' });

    // Leon decides for himself: he may withdraw his parent's consent about his own information (Box 15).
    const cafConsentId = consents.find((c: { purposes: string[] }) =>
      c.purposes.includes('common-assessment'),
    ).consentId;
    answered(
      await post('young.person', `/family/children/${leon}/consents/${cafConsentId}/withdrawal`, {
        reason: 'I do not want the assessment any more',
      }),
      200,
    );
    const own = await platform.db.pool.query(
      `SELECT data FROM event_store.events WHERE stream_id = $1 AND type = 'ConsentWithdrawn' ORDER BY revision`,
      [`consent-${leon}`],
    );
    expect(own.rows.map((r) => r.data.withdrawnBy)).toEqual([
      { kind: 'parent-carer', relationship: 'mother' },
      { kind: 'child' },
    ]);

    at('11:30');
    const blocked = await post('mentor.oakfield', `/sharing/${sharingId}/disclosures`, disclosure('givenName'));
    expect(blocked.status).toBe(403);
    expect(blocked.body.rule).toBe('sharing.consent-no-longer-covers');
  });

  it('keeps a family member from another child, the staff routes and the access log, each refusal logged', async () => {
    const attempts = [
      `/family/children/${riversideChild}/cafs`,
      `/family/children/${riversideChild}/shared`,
      `/children/${leon}`,
      `/children/${leon}/consents`,
      `/cafs/${leonCaf}`,
      `/cafs/${leonCaf}/family-copy`,
      `/disclosure-audit/children/${leon}/subject-access`,
      `/children/${leon}/family-links`,
      '/audit/me/access-history',
      `/audit/children/${leon}/access-history`,
    ];
    for (const userId of ['parent.demo', 'young.person']) {
      for (const path of attempts) {
        const before = (await logOf(userId)).length;
        const answer = await get(userId, path);
        expect({ userId, path, status: answer.status }).toEqual({ userId, path, status: 403 });
        const logged = await logOf(userId);
        expect(logged).toHaveLength(before + 1);
        expect(logged.at(-1)?.outcome).toBe('refused');
      }
    }
    expect(
      (await post('parent.demo', `/family/children/${riversideChild}/consents/${nurseConsentId}/withdrawal`, {}))
        .status,
    ).toBe(403);
  });

  it('unlinks with a reason: the account sees nothing more', async () => {
    at('12:00');
    expect(
      (
        await post('senco.oakfield', `/children/${leon}/family-links/${parentLink}/unlinking`, {
          reason: 'Court order',
          unlinkedOn: '2026-12-01',
        })
      ).status,
    ).toBe(403);
    const unlinked = await post('dsl.oakfield', `/children/${leon}/family-links/${parentLink}/unlinking`, {
      reason: 'Child arrangements order: no contact from today',
      unlinkedOn: '2026-12-01',
    });
    expect(unlinked.status).toBe(200);
    expect(
      (
        await post('dsl.oakfield', `/children/${leon}/family-links/${parentLink}/unlinking`, {
          reason: 'again',
          unlinkedOn: '2026-12-01',
        })
      ).status,
    ).toBe(409);
    expect((await get('parent.demo', `/family/children/${leon}/consents`)).status).toBe(403);
    expect(await lastOf('parent.demo')).toMatchObject({
      child_id: leon,
      outcome: 'refused',
      reason: 'not linked to this child',
    });
    expect((await get('parent.demo', '/family/children')).body.map((c: { name: string }) => c.name)).toEqual([
      'Maya Smith',
      'Sam Smith',
    ]);
    expect((await get('dsl.oakfield', `/children/${leon}/family-links`)).body[0].unlinked).toEqual({
      on: '2026-12-01',
      reason: 'Child arrangements order: no contact from today',
      by: 'dsl.oakfield',
    });
  });
});
