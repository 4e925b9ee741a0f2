import { randomUUID } from 'node:crypto';
import { pseudonymousChildId } from '@app/integration';
import { describeWithKafka, readTopic, testKafka } from '@app/integration/testing';
import { apiAs } from '../support/api-client';
import { parentalConsent } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** From an HTTP command to a message read back from the topic, through outbox and relay. */
describeWithKafka('a consent withdrawn over HTTP reaches consent-withdrawn.v1', (brokers) => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startPlatform('withdrawal_to_kafka', {
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_CLIENT_ID: `e2e-${randomUUID().slice(0, 8)}`,
    });
  });
  afterAll(async () => {
    await platform.close();
  });

  it('publishes one message, keyed by the pseudonymous child id, carrying no name or child id', async () => {
    const senco = await apiAs(platform, 'senco.oakfield');
    const child = await senco
      .post('/children')
      .send({
        givenName: 'Ruby',
        familyName: 'Okoro',
        dateOfBirth: '2016-02-02',
        schoolId: 'school-oakfield',
        yearGroup: 5,
        flags: [],
      })
      .expect(201);
    const childId: string = child.body.childId;
    const { consentId } = (await senco.post(`/children/${childId}/consents`).send(parentalConsent).expect(201)).body;
    await senco
      .post(`/children/${childId}/consents/${consentId}/withdrawal`)
      .set('X-Request-Id', `withdrawal-${consentId}`)
      .send({
        withdrawnBy: { kind: 'parent-carer', name: 'Jo Smith', relationship: 'mother' },
        evidence: { form: 'written', documentRef: 'letter-2026-10' },
      })
      .expect(200);

    const key = pseudonymousChildId(platform.runtime.pseudonymKey, childId);
    const messages = await readTopic(
      testKafka(brokers),
      'consent-withdrawn.v1',
      (m) => m.key === key,
      (kept) => kept.length >= 1,
    );
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message.headers).toMatchObject({
      'event-type': 'consent-withdrawn',
      'correlation-id': `withdrawal-${consentId}`,
    });
    expect(message.value).toContain(consentId);
    expect(message.value).not.toContain('Jo Smith');
    expect(message.value).not.toContain(childId);
  });
});
