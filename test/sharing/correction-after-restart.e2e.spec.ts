import { childDecider } from '@app/domain';
import { childStream } from '@app/domain';
import { BOX_16_CHECKLIST, GOLDEN_RULES } from '@app/domain';
import { Decisions } from '../../apps/api/src/http/decisions';
import { CorrectionNoticeWorker } from '../../apps/api/src/process-managers/correction-notice-worker';
import { apiClient } from '../support/api-client';
import { parentalConsent } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/**
 * A correction is recorded and the process stops before its notices go: after a restart the
 * notice still reaches the agency the record went to, once.
 */
describe('a correction notice survives the process stopping between the correction and its notices', () => {
  let platform: PlatformUnderTest;
  let childId: string;
  const { as, post, registerChild } = apiClient(() => platform);
  const noticesToHealth = async () =>
    (await (await as('practitioner.health')).get('/agencies/health/correction-notices')).body as unknown[];

  beforeAll(async () => {
    platform = await startPlatform('correction_after_restart');
    childId = await registerChild({ givenName: 'Lily', dateOfBirth: '2014-01-01', yearGroup: 7 });
    await post('senco.oakfield', `/children/${childId}/consents`, {
      ...parentalConsent,
      scope: { purposes: ['information-sharing'], recipients: ['health'], categories: ['identity'] },
    });
    const sharingId = (
      await post('mentor.oakfield', '/sharing', {
        childId,
        origin: 'proactive',
        purpose: 'Drop-in',
        recipient: { agencyId: 'health' },
        categories: ['identity'],
      })
    ).body.sharingId;
    await post('mentor.oakfield', `/sharing/${sharingId}/basis`, { basis: { kind: 'consent' } });
    await post('mentor.oakfield', `/sharing/${sharingId}/checklist`, {
      answers: [...BOX_16_CHECKLIST, ...GOLDEN_RULES].map((item) => ({ item, answer: 'yes' })),
    });
    await post('mentor.oakfield', `/sharing/${sharingId}/decision`, {
      outcome: 'share',
      items: [{ record: 'child-record', fields: ['givenName'] }],
      reasons: 'Drop-in',
      redactions: [],
      familyTold: { informed: true, how: 'Letter' },
      validUntil: '2099-01-01',
    });
    const disclosed = await post('mentor.oakfield', `/sharing/${sharingId}/disclosures`, {
      recipient: { agencyId: 'health' },
      items: [{ recordRef: `child-record:${childId}`, fields: ['givenName'] }],
      channel: 'platform',
    });
    expect(disclosed.status).toBe(200);
  });
  afterAll(async () => {
    await platform.close();
  });

  it('issues the notice after the restart, exactly once', async () => {
    // The correction as the API records it, without the wait for its notices, and no worker
    // left running: the process "stops" here.
    await platform.app.get(CorrectionNoticeWorker).onModuleDestroy();
    await platform.app.get(Decisions).execute(
      childDecider,
      childStream(childId),
      {
        type: 'CorrectChildDetails',
        childId,
        changes: { givenName: 'Lilly' },
        reason: 'Spelling',
        today: '2026-12-01',
      },
      {
        actor: { userId: 'senco.oakfield', role: 'senco', agencyId: 'school-oakfield' },
        correlationId: 'crash-test',
        childId,
      },
    );
    const pending = await platform.db.pool.query('SELECT record_ref FROM read_models.pending_correction_notices');
    expect(pending.rows).toEqual([{ record_ref: `child-record:${childId}` }]);
    expect(await noticesToHealth()).toEqual([]);
    platform = await platform.restart();

    const deadline = Date.now() + 10_000;
    while ((await noticesToHealth()).length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(await noticesToHealth()).toEqual([
      expect.objectContaining({ childId, corrected: { givenName: 'Lilly' }, reason: 'Spelling' }),
    ]);
    await new Promise((r) => setTimeout(r, 1500)); // another sweep of the worker finds nothing to repeat
    expect(await noticesToHealth()).toHaveLength(1);
    const { rows } = await platform.db.pool.query(
      'SELECT count(*)::int AS n FROM read_models.pending_correction_notices',
    );
    expect(rows[0].n).toBe(0);
  });
});
