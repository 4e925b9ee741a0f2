import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { BOX_16_CHECKLIST, GOLDEN_RULES } from '@app/domain';
import { pseudonymousChildId } from '@app/integration';
import { eventually } from '@app/integration/testing';
import { describeWithKafka, readTopic, testKafka } from '@app/integration/testing';
import { apiClient } from '../support/api-client';
import { parentalConsentTo } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** Values no fixture, clock or id anywhere else could produce: any one found is the child's. */
const seeded = {
  givenName: 'Zephyrine',
  familyName: 'Quillfeather-Okonkwo',
  dateOfBirth: '2013-07-29',
  upn: 'Q987654321098',
  parentName: 'Marisol Vantongeren',
  seenOrHeard: 'said the blue caravan at Pellingham is where she sleeps',
};
const traces = [seeded.givenName, seeded.familyName, seeded.dateOfBirth, seeded.upn, 'Vantongeren', 'Pellingham'];
const found = (text: string) => traces.filter((value) => text.includes(value));

/**
 * A child with distinctive personal values is
 * registered, consented, shared with health and written about; an erasure request is
 * blocked by a legal hold, then approved; afterwards no table of any schema of the database,
 * and no message on any topic of the broker, holds any of those values, and health is told.
 */
describeWithKafka('erasure on request leaves nothing of the child behind', (brokers) => {
  let platform: PlatformUnderTest;
  let owner: Pool;
  const logLines: string[] = [];
  const { as, get } = apiClient(() => platform);
  const post = async (userId: string, path: string, body: object = {}) =>
    (await as(userId)).post(path).set('Idempotency-Key', randomUUID()).send(body);

  /** Every row of every table of every schema but the system's, as text, read as the schema owner. */
  const dumpDatabase = async (): Promise<Map<string, string>> => {
    const { rows: tables } = await owner.query<{ table: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS table FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    const dump = new Map<string, string>();
    for (const { table } of tables) {
      const { rows } = await owner.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t`);
      dump.set(table, rows.map((r) => r.row).join('\n'));
    }
    return dump;
  };
  const leaksIn = (dump: Map<string, string>) =>
    [...dump].flatMap(([table, text]) => found(text).map((value) => `${table}: ${value}`));

  /** Every message of every topic on the broker (the platform's and any other), as text. */
  const dumpKafka = async (): Promise<Map<string, string>> => {
    const kafka = testKafka(brokers);
    const admin = kafka.admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => !t.startsWith('__'));
    await admin.disconnect();
    const dump = new Map<string, string>();
    for (const topic of topics) {
      const messages = await readTopic(
        kafka,
        topic,
        () => true,
        () => true,
      );
      dump.set(topic, messages.map((m) => `${m.key ?? ''} ${JSON.stringify(m.headers)} ${m.value ?? ''}`).join('\n'));
    }
    return dump;
  };

  beforeAll(async () => {
    platform = await startPlatform(
      'erasure_leaves_nothing',
      { KAFKA_BROKERS: brokers.join(','), KAFKA_CLIENT_ID: `e2e-${randomUUID().slice(0, 8)}`, LOG_LEVEL: 'debug' },
      { logTo: { write: (line) => void logLines.push(line) } },
    );
    owner = new Pool({ connectionString: platform.db.ownerUrl, max: 2 });
  });
  afterAll(async () => {
    await owner.end();
    await platform.close();
  });

  it("a hold blocks the erasure; once lifted and approved, no table and no topic holds the child's values, and health is told", async () => {
    const { givenName, familyName, dateOfBirth, upn } = seeded;
    const childId = (
      await post('senco.oakfield', '/children', {
        givenName,
        familyName,
        dateOfBirth,
        upn,
        schoolId: 'school-oakfield',
        yearGroup: 8,
        flags: ['young-carer'],
      })
    ).body.childId as string;
    const consent = await post('senco.oakfield', `/children/${childId}/consents`, {
      ...parentalConsentTo('Sharing with the school nurse', 'School nursing', {
        purposes: ['information-sharing'],
        recipients: ['health'],
        categories: ['identity', 'health'],
      }),
      giver: { kind: 'parent-carer', name: seeded.parentName, relationship: 'mother' },
    });
    expect(consent.status).toBe(201);
    const concern = await post('teacher.oakfield', '/concerns', {
      childId,
      seenOrHeard: `${givenName} ${seeded.seenOrHeard}`,
    });
    expect(concern.status).toBe(201);
    // Referred to social care: a disclosure of its own, and a message on referral-to-social-care.v1.
    const referral = {
      ground: 'risk-of-significant-harm',
      urgency: 'immediate',
      categories: ['safeguarding'],
      summary: `${givenName} ${familyName} sleeps at Pellingham`,
    };
    expect(
      (
        await post('dsl.oakfield', `/concerns/${concern.body.concernId}/review`, {
          outcome: 'refer-to-social-care',
          reasons: `${givenName} is at risk`,
          reviewedOn: '2026-12-01',
          referral,
        })
      ).status,
    ).toBe(200);

    // Shared with health on the consent: the values reach health's read model, not the bus.
    const sharingId = (
      await post('mentor.oakfield', '/sharing', {
        childId,
        origin: 'proactive',
        purpose: 'Coordinated support',
        recipient: { agencyId: 'health', userId: 'practitioner.health' },
        categories: ['identity'],
      })
    ).body.sharingId as string;
    const step = (name: string, body: object) => post('mentor.oakfield', `/sharing/${sharingId}/${name}`, body);
    expect((await step('basis', { basis: { kind: 'consent' } })).status).toBe(200);
    expect(
      (
        await step('checklist', {
          answers: [...BOX_16_CHECKLIST, ...GOLDEN_RULES].map((item) => ({ item, answer: 'yes' })),
        })
      ).status,
    ).toBe(200);
    const items = [{ record: 'child-record', fields: ['givenName', 'familyName', 'dateOfBirth', 'upn'] }];
    expect(
      (
        await step('decision', {
          outcome: 'share',
          items,
          reasons: 'The nurse needs to know who she is',
          redactions: [],
          familyTold: { informed: true, how: 'Told her mother' },
          validUntil: '2027-01-31',
        })
      ).status,
    ).toBe(200);
    const disclosed = await step('disclosures', {
      recipient: { agencyId: 'health', userId: 'practitioner.health' },
      items: [{ recordRef: `child-record:${childId}`, fields: ['givenName', 'familyName', 'dateOfBirth', 'upn'] }],
      channel: 'platform',
    });
    expect(disclosed.status).toBe(200);
    const [received] = (await get('practitioner.health', `/agencies/health/received-information?childId=${childId}`))
      .body;
    expect(received.values).toEqual({ givenName, familyName, dateOfBirth, upn });

    const kafka = testKafka(brokers);
    const childRef = pseudonymousChildId(platform.runtime.pseudonymKey, childId);
    const [disclosure] = await readTopic(
      kafka,
      'disclosure-to-agency.v2',
      (m) => m.key === childRef,
      (kept) => kept.length >= 1,
    );
    expect(disclosure.value).not.toContain(givenName);
    expect(JSON.parse(disclosure.value ?? '{}')).toMatchObject({
      recipientAgencyId: 'health',
      fields: { identity: ['givenName', 'familyName', 'dateOfBirth', 'upn'] },
    });

    // The rest of the record's life holds the child's values too: a school move's reason, a
    // subject-access requester, a family link's evidence.
    const move = await post('dsl.oakfield', `/children/${childId}/school-moves`, {
      toSchoolId: 'school-riverside',
      startsOn: '2026-12-07',
      reason: `Family moved to the Pellingham site`,
    });
    expect(move.status).toBe(201);
    const subjectAccess = await post('dpo', '/subject-access-requests', {
      childId,
      kind: 'personal-data',
      requester: { name: seeded.parentName, relationship: 'parent' },
      identityCheck: { method: 'photo-identity-seen', details: `Passport of ${seeded.parentName}` },
      receivedOn: '2026-11-30',
    });
    expect(subjectAccess.status).toBe(201);
    const link = await post('dsl.riverside', `/children/${childId}/family-links`, {
      userId: 'parent.demo',
      kind: 'parent-carer',
      relationship: 'mother',
      linkedOn: '2026-11-30',
      evidence: {
        checked: ['parental-responsibility', 'admission-form'],
        documentRef: `Admission form, ${seeded.parentName}`,
        checkedOn: '2026-11-30',
      },
    });
    expect(link.status).toBe(201);

    // The dump sees the values while they are there: the check below can fail.
    expect(leaksIn(await dumpDatabase()).length).toBeGreaterThan(0);

    const requested = await post('dpo', `/retention/children/${childId}/erasure-requests`, {
      requesterKind: 'parent-carer',
      requesterName: seeded.parentName,
      receivedOn: '2026-11-30',
    });
    expect(requested.status).toBe(201);
    const { requestId } = requested.body;
    const hold = await post('dpo', `/retention/children/${childId}/legal-holds`, {
      reason: `Claim in the county court about the Pellingham site`,
    });
    expect(hold.status).toBe(201);
    const approval = {
      outcome: 'approved',
      ground: 'consent-withdrawn',
      reasons: `${seeded.parentName} withdrew consent; no safeguarding duty keeps it`,
    };
    const blocked = await post(
      'dpo',
      `/retention/children/${childId}/erasure-requests/${requestId}/decision`,
      approval,
    );
    expect([blocked.status, blocked.body.rule]).toEqual([409, 'erasure.legal-hold']);
    expect((await get('senco.riverside', `/children/${childId}`)).body.givenName).toBe(givenName);

    expect(
      (
        await post('dpo', `/retention/children/${childId}/legal-holds/${hold.body.holdId}/lifting`, {
          reason: 'Claim struck out',
        })
      ).status,
    ).toBe(200);
    expect(
      (await post('dpo', `/retention/children/${childId}/erasure-requests/${requestId}/decision`, approval)).status,
    ).toBe(200);

    // Every read model shows the record erased; health is told, on the platform and on the bus.
    expect((await get('senco.riverside', `/children/${childId}`)).body).toMatchObject({
      childId,
      givenName: null,
      familyName: null,
      dateOfBirth: null,
      upn: null,
      erased: true,
    });
    const [erasedCopy] = (await get('practitioner.health', `/agencies/health/received-information?childId=${childId}`))
      .body;
    expect(erasedCopy).toMatchObject({ values: {}, erasedAt: expect.any(String) });
    expect((await get('practitioner.health', '/agencies/health/erasure-notices')).body).toEqual([
      expect.objectContaining({
        requestId,
        childId,
        disclosureId: received.disclosureId,
        issuedBy: expect.objectContaining({ userId: 'dpo' }),
      }),
    ]);
    const notices = await readTopic(
      kafka,
      'erasure-notice.v1',
      (m) => m.key === childRef,
      (kept) => kept.length >= 2,
    );
    expect(
      notices
        .map((n) => JSON.parse(n.value ?? '{}'))
        .sort((a, b) => a.recipientAgencyId.localeCompare(b.recipientAgencyId)),
    ).toEqual([
      expect.objectContaining({ disclosureId: received.disclosureId, recipientAgencyId: 'health' }),
      expect.objectContaining({ disclosureId: `referral:${concern.body.concernId}`, recipientAgencyId: 'social-care' }),
    ]);
    await eventually(
      'both notices in the disclosure ledger',
      async () => {
        const { rows } = await platform.db.pool.query(
          `SELECT 1 FROM integration.sent_messages WHERE topic = 'erasure-notice.v1'`,
        );
        return rows.length === 2;
      },
      30_000,
    );
    const review = (await get('dpo', `/retention/children/${childId}`)).body;
    expect(review).toMatchObject({ status: 'erased', erasedCause: 'erasure-request' });
    expect(review.decisions.map((d: { decision: string }) => d.decision)).toEqual([
      'ErasureRequested',
      'LegalHoldPlaced',
      'LegalHoldLifted',
      'ErasureDecided',
      'ErasureNoticeIssued',
      'ErasureNoticeIssued',
      'ChildRecordErased',
    ]);

    // The ledger still answers for every disclosure, without the values; the file keeps its acts.
    for (const path of [
      `/disclosure-audit/children/${childId}`,
      `/disclosure-audit/children/${childId}/subject-access?copy=dpo`,
    ]) {
      const audit = await get('dpo', path);
      expect(audit.status).toBe(200);
      expect(found(JSON.stringify(audit.body))).toEqual([]);
    }
    const file = await get('dsl.oakfield', `/concerns/${concern.body.concernId}`);
    expect(file.status).toBe(200);
    expect(found(JSON.stringify(file.body))).toEqual([]);

    // The proof: nothing of the child in any table (events, keys, read models, outbox, sent messages,
    // idempotency keys, access log), on any topic, or in the platform's log.
    expect(leaksIn(await dumpDatabase())).toEqual([]);
    const topics = await dumpKafka();
    expect([...topics.keys()]).toEqual(
      expect.arrayContaining(['disclosure-to-agency.v2', 'erasure-notice.v1', 'referral-to-social-care.v1']),
    );
    expect([...topics].flatMap(([topic, text]) => found(text).map((value) => `${topic}: ${value}`))).toEqual([]);
    expect(found(logLines.join('\n'))).toEqual([]);
  });
});
