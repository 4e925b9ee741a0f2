import { randomUUID } from 'node:crypto';
import { pseudonymousChildId } from '@app/integration';
import { eventually } from '@app/integration/testing';
import { describeWithKafka, readTopic, testKafka } from '@app/integration/testing';
import { apiClient } from '../support/api-client';
import { parentalConsent } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

interface Entry {
  disclosureId: string;
  kind: string;
  recipientAgencyId: string;
  basis: Record<string, unknown>;
  messages: Array<{ topic: string; recipient: string; fields: string[]; sentAt: string }>;
}

/**
 * Over a real broker, every integration message that carries a child's
 * information out reaches the disclosure ledger once the broker has it, joined to the
 * disclosure it carries or, when it carries none, as an entry of its own.
 */
describeWithKafka('messages sent over Kafka are in the disclosure ledger', (brokers) => {
  let platform: PlatformUnderTest;
  const { as, post, registerChild } = apiClient(() => platform);
  const ledgerOf = async (childId: string): Promise<Entry[]> =>
    (await (await as('dpo')).get(`/disclosure-audit/children/${childId}`)).body.disclosures;

  beforeAll(async () => {
    platform = await startPlatform('disclosure_ledger_kafka', {
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_CLIENT_ID: `e2e-${randomUUID().slice(0, 8)}`,
    });
  });
  afterAll(async () => {
    await platform.close();
  });

  it("a referral's message joins the referral in the ledger; a consent withdrawal's stands as its own entry, with recipient, basis and fields", async () => {
    const childId = await registerChild({ givenName: 'Noah', familyName: 'Reid', dateOfBirth: '2015-04-04' });
    const concernId = (
      await post('mentor.oakfield', '/concerns', { childId, seenOrHeard: 'Noah said he has not eaten since Friday' })
    ).body.concernId as string;
    const referral = {
      ground: 'risk-of-significant-harm',
      urgency: 'immediate',
      categories: ['safeguarding'],
      summary: 'Neglect; no food at home',
    };
    expect(
      (
        await post('dsl.oakfield', `/concerns/${concernId}/review`, {
          outcome: 'refer-to-social-care',
          reasons: 'Neglect',
          reviewedOn: '2026-12-01',
          referral,
        })
      ).status,
    ).toBe(200);
    const { consentId } = (await post('senco.oakfield', `/children/${childId}/consents`, parentalConsent)).body;
    expect(
      (
        await post('senco.oakfield', `/children/${childId}/consents/${consentId}/withdrawal`, {
          withdrawnBy: { kind: 'parent-carer', name: 'Jo Smith', relationship: 'mother' },
          evidence: { form: 'written', documentRef: 'letter-1' },
        })
      ).status,
    ).toBe(200);

    const key = pseudonymousChildId(platform.runtime.pseudonymKey, childId);
    const [sent] = await readTopic(
      testKafka(brokers),
      'referral-to-social-care.v1',
      (m) => m.key === key,
      (kept) => kept.length >= 1,
    );
    expect(JSON.parse(sent.value ?? '{}')).toMatchObject({ concernId, urgency: 'immediate' });

    await eventually(
      'both messages in the ledger',
      async () => {
        const entries = await ledgerOf(childId);
        return entries.flatMap((e) => e.messages).length === 2;
      },
      30_000,
    );
    const entries = await ledgerOf(childId);
    const referred = entries.find((e) => e.disclosureId === `referral:${concernId}`)!;
    expect(referred.messages).toEqual([
      expect.objectContaining({
        topic: 'referral-to-social-care.v1',
        recipient: 'social-care',
        basis: { kind: 'without-consent', ground: 'risk-of-significant-harm' },
        fields: expect.arrayContaining(['urgency', 'basis.ground', 'categories']),
      }),
    ]);
    const withdrawal = entries.find((e) => e.kind === 'integration-message')!;
    expect(withdrawal).toMatchObject({
      recipientAgencyId: `recipients-of-consent:${consentId}`,
      basis: { kind: 'consent', consentIds: [consentId] },
      messages: [expect.objectContaining({ topic: 'consent-withdrawn.v1' })],
    });
    expect(withdrawal.messages[0].fields).toEqual(
      expect.arrayContaining(['consentId', 'withdrawnAt', 'withdrawnBy.kind']),
    );

    // The family's copy says how each went, and names who received the notice.
    const family = (await (await as('dpo')).get(`/disclosure-audit/children/${childId}/subject-access`)).body;
    expect(family.disclosures).toEqual([
      expect.objectContaining({
        recipient: 'Every agency that received information under the consent',
        howSent: "By secure message to the agency's own system; message consent-withdrawn.v1",
      }),
    ]);
    const dpo = (await (await as('dpo')).get(`/disclosure-audit/children/${childId}/subject-access?copy=dpo`)).body;
    expect(
      dpo.disclosures.find((d: { disclosureId: string }) => d.disclosureId === `referral:${concernId}`),
    ).toMatchObject({
      howSent: 'Through this platform; message referral-to-social-care.v1',
      withheld: { exemption: 'awaiting-dpo-review' },
    });
  });
});
