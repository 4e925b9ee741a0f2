import request from 'supertest';
import { PostgresEventStore } from '@app/event-store';
import { childRecordsProjection } from '@app/projections';
import { eventually } from '@app/integration/testing';
import { apiClient } from '../support/api-client';
import { parentalConsent } from '../support/consent-fixtures';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/**
 * No accepted request may stop a read model. A value no projection can
 * store is refused before it reaches the immutable log; an event that still stops one is
 * named (id and type, no personal data) where an operator looks.
 */
describe('poison events: refused at the door, named when one gets in anyway', () => {
  let platform: PlatformUnderTest;
  const logged: string[] = [];
  const { as, get, post } = apiClient(() => platform);
  const register = async (givenName: string) =>
    (
      await post('senco.oakfield', '/children', {
        givenName,
        familyName: 'Thornbury',
        dateOfBirth: '2013-05-01',
        schoolId: 'school-oakfield',
        yearGroup: 8,
        flags: [],
      })
    ).body.childId as string;
  const expectReady = async () => expect((await request(platform.http).get('/health/ready')).status).toBe(200);

  beforeAll(async () => {
    platform = await startPlatform('poison_events', {}, { log: (line) => logged.push(line) });
  });
  afterAll(async () => {
    await platform.close();
  });

  it('refuses a correction setting the year group to null with a 400 naming the field; the child stays readable', async () => {
    const childId = await register('Amelia');
    const refused = await (
      await as('senco.oakfield')
    )
      .patch(`/children/${childId}`)
      .set('If-Match', '"0"')
      .send({ yearGroup: null, reason: 'unknown' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ field: 'yearGroup', rule: 'event.null' });
    await expectReady();
    expect((await get('senco.oakfield', `/children/${childId}`)).body).toMatchObject({ yearGroup: 8 });
    // A child registered afterwards is readable: the child-records read model still runs.
    expect((await get('senco.oakfield', `/children/${await register('Bea')}`)).status).toBe(200);
  });

  it('refuses a sharing approval whose discussion holds a NUL character', async () => {
    const childId = await register('Leon');
    const sharing = await post('mentor.oakfield', '/sharing', {
      childId,
      origin: 'proactive',
      purpose: 'Referral',
      recipient: { agencyId: 'social-care' },
      categories: ['identity', 'safeguarding'],
    });
    expect(sharing.status).toBe(201);
    const sharingId = sharing.body.sharingId as string;
    await post('mentor.oakfield', `/sharing/${sharingId}/basis`, {
      basis: { kind: 'without-consent', ground: 'risk-of-significant-harm', justification: 'Disclosed harm' },
    });
    const refused = await post('dsl.oakfield', `/sharing/${sharingId}/approval`, {
      discussion: 'Discussed with the mentor\u0000; refer today',
    });
    expect(refused.status).toBe(400);
    // The request check refuses it before the command runs; the event check behind it is payload-shape.spec's.
    expect(refused.body).toMatchObject({ field: 'discussion', rule: 'request.unreadable-text' });
    expect(
      (
        await post('dsl.oakfield', `/sharing/${sharingId}/approval`, {
          discussion: 'Discussed with the mentor; refer today',
        })
      ).status,
    ).toBe(200);
    await expectReady();
  });

  it('refuses a CAF action holding a lone surrogate, and keeps a paired one (an emoji)', async () => {
    const childId = await register('Kai');
    const consent = await post('senco.oakfield', `/children/${childId}/consents`, {
      ...parentalConsent,
      scope: {
        purposes: ['common-assessment'],
        recipients: ['school-oakfield', 'health'],
        categories: ['education', 'health', 'family-circumstances'],
      },
    });
    expect(consent.status).toBe(201);
    const started = await post('mentor.oakfield', '/cafs', {
      childId,
      startedOn: '2026-12-01',
      reasonForAssessment: 'Attendance falling',
    });
    expect(started.body).toMatchObject({ cafId: expect.any(String) });
    const cafId = started.body.cafId as string;
    await post('mentor.oakfield', `/cafs/${cafId}/contributions`, {
      domain: 'development-of-the-child',
      element: 'learning',
      text: 'Behind in maths',
      recordedOn: '2026-12-01',
    });
    await post('mentor.oakfield', `/cafs/${cafId}/views`, {
      whose: 'child',
      views: 'I want help with maths',
      recordedOn: '2026-12-01',
    });
    expect(
      (
        await post('mentor.oakfield', `/cafs/${cafId}/completion`, {
          completedOn: '2026-12-01',
          summary: 'Needs support at home',
        })
      ).status,
    ).toBe(200);
    const action = (text: string, actionDue = '2027-01-08') =>
      post('mentor.oakfield', `/cafs/${cafId}/actions`, {
        action: text,
        ownerAgencyId: 'school-oakfield',
        dueBy: actionDue,
        agreedOn: '2026-12-01',
      });
    const refused = await action('Weekly mentoring \ud800');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ field: 'action', rule: 'request.unreadable-text' });
    expect((await action('Weekly mentoring \ud83d\ude42')).status).toBe(200);
    await expectReady();
  });

  it('names the event a projection cannot apply in /health/ready, /metrics and the log, without its personal data', async () => {
    const childId = await register('Dara');
    // Written past the API and its checks, as an older release or a bad migration might have.
    const raw = new PostgresEventStore({ pool: platform.runtime.pool });
    const [poison] = (
      await raw.append(
        `child-${childId}`,
        [
          {
            eventId: '00000000-0000-4000-8000-000000000012',
            type: 'ChildDetailsCorrected',
            schemaVersion: 1,
            data: { childId, dateOfBirth: 'Dara Thornbury', reason: 'typo' },
            occurredAt: platform.runtime.clock(),
            metadata: {
              actor: { userId: 'senco.oakfield', role: 'senco', agencyId: 'school-oakfield' },
              correlationId: 'poison',
              childId,
            },
          },
        ],
        0n,
      )
    ).events;

    let stuck = { projectionErrors: [] as unknown[] };
    await eventually(
      'child-records to report the event it cannot apply',
      async () => {
        const ready = await request(platform.http).get('/health/ready');
        stuck = ready.body;
        return ready.status === 503 && stuck.projectionErrors?.length > 0;
      },
      10_000,
    );
    expect(stuck.projectionErrors).toEqual([
      expect.objectContaining({
        name: 'child-records',
        eventId: poison.eventId,
        eventType: 'ChildDetailsCorrected',
        position: poison.checkpoint.position.toString(),
      }),
    ]);
    expect(JSON.stringify(stuck.projectionErrors)).not.toContain('Thornbury');

    const metrics = (await request(platform.http).get('/metrics')).text;
    expect(metrics).toContain(
      `mast_projection_failing{projection="child-records",event_id="${poison.eventId}",event_type="ChildDetailsCorrected"} 1`,
    );

    const lines = logged.filter((line) => line.includes(poison.eventId));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/child-records .*ChildDetailsCorrected/);
    expect(logged.join('\n')).not.toContain('Thornbury');
  });

  it('keeps the old read model when a rebuild meets that event, instead of emptying it', async () => {
    const { count: before } = (
      await platform.db.pool.query(`SELECT count(*)::int AS count FROM read_models.child_records`)
    ).rows[0];
    expect(before).toBeGreaterThan(0);
    await expect(platform.runtime.projections.rebuild(childRecordsProjection)).rejects.toThrow(
      /ChildDetailsCorrected 00000000-0000-4000-8000-000000000012/,
    );
    const { count: after } = (
      await platform.db.pool.query(`SELECT count(*)::int AS count FROM read_models.child_records`)
    ).rows[0];
    expect(after).toBe(before);
    expect(
      (await platform.db.pool.query(`SELECT 1 FROM pg_namespace WHERE nspname LIKE 'read_models_rebuild%'`)).rows,
    ).toEqual([]);
  });
});
