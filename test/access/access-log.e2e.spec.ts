import request from 'supertest';
import { compactVerify, importJWK } from 'jose';
import { apiClient } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** Every read of a child's record and every refusal is in an append-only, hash-chained log. */
describe('the access log', () => {
  let platform: PlatformUnderTest;
  let childId: string;
  const { as } = apiClient(() => platform);

  beforeAll(async () => {
    platform = await startPlatform('access_log');
    const created = await (
      await as('senco.oakfield')
    )
      .post('/children')
      .send({
        givenName: 'Noah',
        familyName: 'Pike',
        dateOfBirth: '2012-10-01',
        schoolId: 'school-oakfield',
        yearGroup: 9,
        flags: [],
      })
      .expect(201);
    childId = created.body.childId;
  });
  afterAll(async () => {
    await platform.close();
  });

  const entriesFor = async (userId: string) =>
    (await platform.db.pool.query(`SELECT * FROM access.access_log WHERE user_id = $1 ORDER BY seq`, [userId])).rows;

  it('logs a read with who, role, agency, child, resource, basis and request id', async () => {
    await (await as('mentor.oakfield')).get(`/children/${childId}`).set('X-Request-Id', 'req-read-1').expect(200);
    const [entry] = await entriesFor('mentor.oakfield');
    expect(entry).toMatchObject({
      role: 'learning-mentor',
      agency_id: 'school-oakfield',
      child_id: childId,
      resource: 'GET /children/:childId',
      outcome: 'allowed',
      basis: 'school-of-record:school-oakfield',
      request_id: 'req-read-1',
    });
  });

  it('keeps a client request id only when it is short and plain; otherwise logs one of its own and says so', async () => {
    const read = (id?: string) => {
      const call = request(platform.http).get(`/children/${childId}`).set('Authorization', `Bearer ${token}`);
      return id === undefined ? call : call.set('X-Request-Id', id);
    };
    const token = await platform.tokenFor('mentor.oakfield');
    const lastEntry = async () => (await entriesFor('mentor.oakfield')).at(-1);

    const kept = await read('0b8f2c1e-trace:42.a_b').expect(200);
    expect(kept.headers['x-request-id']).toBe('0b8f2c1e-trace:42.a_b');
    expect(kept.headers['x-request-id-refused']).toBeUndefined();

    for (const hostile of ['x'.repeat(8000), 'a'.repeat(65), 'line\tbreak', '<script>', '']) {
      const replaced = await read(hostile).expect(200);
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(replaced.headers['x-request-id-refused']).toContain('1 to 64 characters');
      expect((await lastEntry()).request_id).toBe(replaced.headers['x-request-id']);
    }
    const generated = await read().expect(200);
    expect(generated.headers['x-request-id-refused']).toBeUndefined();
    expect((await lastEntry()).request_id).toBe(generated.headers['x-request-id']);

    // A refusal's body quotes the same id, and so does a response that never reached the guard.
    const refused = await (
      await as('mentor.riverside')
    )
      .get(`/children/${childId}`)
      .set('X-Request-Id', 'y'.repeat(100))
      .expect(403);
    expect(refused.body.requestId).toBe(refused.headers['x-request-id']);
    expect(
      (await request(platform.http).get('/health').set('X-Request-Id', 'z'.repeat(100))).headers[
        'x-request-id-refused'
      ],
    ).toBeDefined();
    const biggest = await platform.db.pool.query(`SELECT max(length(request_id))::int AS n FROM access.access_log`);
    expect(biggest.rows[0].n).toBeLessThanOrEqual(64);
  });

  it('refuses staff of another school with 403, logs the attempt and writes nothing else', async () => {
    const events = await platform.db.pool.query('SELECT count(*)::int AS n FROM event_store.events');
    const refused = await (
      await as('senco.riverside')
    )
      .patch(`/children/${childId}`)
      .send({ yearGroup: 10, reason: 'not mine to change' })
      .expect(403);
    expect(refused.body.rule).toBe('access.child.correct');
    await (await as('senco.riverside')).get(`/children/${childId}`).expect(403);

    const entries = await entriesFor('senco.riverside');
    expect(entries.map((e) => [e.resource, e.outcome, e.child_id])).toEqual([
      ['PATCH /children/:childId', 'refused', childId],
      ['GET /children/:childId', 'refused', childId],
    ]);
    expect(entries[0].reason).toBe('no relationship to this child');
    expect((await platform.db.pool.query('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n).toBe(
      events.rows[0].n,
    );
  });

  it('shows a user their own history and the dpo anyone’s, newest first, a page at a time', async () => {
    const own = await (await as('senco.riverside')).get('/audit/me/access-history').expect(200);
    expect(own.body.map((e: { resource: string }) => e.resource)).toEqual([
      'GET /children/:childId',
      'PATCH /children/:childId',
    ]);

    const dpo = await as('dpo');
    const first = await dpo.get(`/audit/children/${childId}/access-history?limit=2`).expect(200);
    expect(first.body).toHaveLength(2);
    const next = await dpo
      .get(`/audit/children/${childId}/access-history?limit=2&before=${first.body[1].seq}`)
      .expect(200);
    expect(BigInt(next.body[0].seq)).toBeLessThan(BigInt(first.body[1].seq));
    await dpo.get(`/audit/children/${childId}/access-history?limit=0`).expect(400);
    await (await as('mentor.oakfield')).get(`/audit/users/dpo/access-history`).expect(403);
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    await expect(platform.db.pool.query(`UPDATE access.access_log SET outcome = 'allowed'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(platform.db.pool.query(`DELETE FROM access.access_log`)).rejects.toThrow(/append-only/);
  });

  it('verifies the chain, and names the first broken link once a row is altered behind its back', async () => {
    const dpo = await as('dpo');
    const intact = await dpo.get('/audit/verify').expect(200);
    expect(intact.body).toMatchObject({ intact: true });
    expect(intact.body.entriesChecked).toBeGreaterThanOrEqual(4);

    // Someone with superuser rights disables the trigger and rewrites a refusal as allowed.
    const [victim] = await entriesFor('senco.riverside');
    const client = await platform.db.pool.connect();
    try {
      await client.query('ALTER TABLE access.access_log DISABLE TRIGGER access_log_append_only');
      await client.query(`UPDATE access.access_log SET outcome = 'allowed', reason = NULL WHERE seq = $1`, [
        victim.seq,
      ]);
      await client.query('ALTER TABLE access.access_log ENABLE TRIGGER access_log_append_only');
    } finally {
      client.release();
    }
    const broken = await dpo.get('/audit/verify').expect(200);
    expect(broken.body).toMatchObject({
      intact: false,
      firstBrokenLink: { seq: String(victim.seq), problem: 'content does not match its hash' },
    });
  });
});

/** The chain's head is signed and published (ADR 013): a tail cut off with the head rewound no longer passes. */
describe('anchors of the access log', () => {
  let platform: PlatformUnderTest;
  const { as } = apiClient(() => platform);
  const verify = async () => (await (await as('dpo')).get('/audit/verify').expect(200)).body;

  beforeAll(async () => {
    // Every second, so the interval is seen within the suite.
    platform = await startPlatform('chain_anchors', { AUDIT_ANCHOR_INTERVAL_SECONDS: '1' });
    const created = await (
      await as('senco.oakfield')
    )
      .post('/children')
      .send({
        givenName: 'Ruby',
        familyName: 'Lane',
        dateOfBirth: '2013-03-09',
        schoolId: 'school-oakfield',
        yearGroup: 8,
        flags: [],
      })
      .expect(201);
    for (const reader of ['mentor.oakfield', 'senco.oakfield', 'dsl.oakfield', 'mentor.riverside']) {
      await (await as(reader)).get(`/children/${created.body.childId}`);
    }
  });
  afterAll(async () => {
    await platform.close();
  });

  const anchors = async () => (await (await as('dpo')).get('/audit/anchors').expect(200)).body.anchors;

  it('signs the head at the interval once it has moved, and not again while it stays', async () => {
    const {
      rows: [head],
    } = await platform.db.pool.query(`SELECT seq::text AS seq FROM access.access_log_head`);
    for (let waited = 0; waited < 50 && !(await anchors()).some((a: { seq: string }) => a.seq === head.seq); waited++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const signed = await anchors();
    expect(signed.filter((a: { seq: string }) => a.seq === head.seq)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await anchors()).toHaveLength(signed.length);
    await (await as('dpo')).get('/audit/anchors?limit=0').expect(400);
  });

  it('signs the head on demand, keeps it, publishes it through the outbox, and verifies against it', async () => {
    const {
      rows: [head],
    } = await platform.db.pool.query(`SELECT seq::text AS seq, hash FROM access.access_log_head`);
    const anchor = (await (await as('admin')).post('/audit/anchors').expect(201)).body;
    expect(anchor).toMatchObject({
      seq: head.seq,
      hash: head.hash,
      anchoredAt: expect.any(String),
      signature: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    });

    const published = (await (await as('dpo')).get('/audit/anchors').expect(200)).body;
    expect(published.anchors[0]).toEqual(anchor);
    const { payload } = await compactVerify(anchor.signature, await importJWK(published.key.jwk, 'ES256'));
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({
      anchorId: anchor.anchorId,
      seq: anchor.seq,
      hash: anchor.hash,
      anchoredAt: anchor.anchoredAt,
    });

    const { rows: outbox } = await platform.db.pool.query(
      `SELECT topic, payload FROM integration.outbox WHERE event_id = $1`,
      [anchor.anchorId],
    );
    expect(outbox).toEqual([{ topic: 'audit-anchors.v1', payload: anchor }]);

    expect(await verify()).toMatchObject({ intact: true, anchor: { anchorId: anchor.anchorId, seq: anchor.seq } });
  });

  it('catches a tail cut off and the head rewound by the superuser, naming the anchor it contradicts', async () => {
    const [anchor] = await anchors();
    const keep = BigInt(anchor.seq) - 2n;
    const client = await platform.db.pool.connect();
    try {
      await client.query('ALTER TABLE access.access_log DISABLE TRIGGER access_log_append_only');
      await client.query('ALTER TABLE access.access_log_head DISABLE TRIGGER access_log_head_moves_forward');
      await client.query(`DELETE FROM access.access_log WHERE seq > $1`, [keep.toString()]);
      await client.query(
        `UPDATE access.access_log_head SET seq = l.seq, hash = l.hash FROM access.access_log l WHERE l.seq = $1`,
        [keep.toString()],
      );
      await client.query('ALTER TABLE access.access_log_head ENABLE TRIGGER access_log_head_moves_forward');
      await client.query('ALTER TABLE access.access_log ENABLE TRIGGER access_log_append_only');
    } finally {
      client.release();
    }
    const broken = await verify();
    expect(broken).toMatchObject({ intact: false, firstBrokenLink: { seq: String(keep + 1n) } });
    // The interval may have signed a cut entry before the admin did: any anchor past the cut is contradicted, and it names one.
    const signedPastTheCut = (await anchors())
      .filter((a: { seq: string }) => BigInt(a.seq) > keep)
      .map((a: { anchorId: string }) => a.anchorId);
    expect(signedPastTheCut).toContain(broken.firstBrokenLink.contradictsAnchor.anchorId);
    expect(broken.firstBrokenLink.problem).toContain(broken.firstBrokenLink.contradictsAnchor.anchorId);

    // The cut head is never signed: not on demand, and not at the interval (which would otherwise bless the cut).
    const refused = await (await as('dpo')).post('/audit/anchors').expect(409);
    expect(refused.body).toMatchObject({ rule: 'access-log.anchor-behind' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await anchors())[0].anchorId).toBe(anchor.anchorId);
    expect(await verify()).toMatchObject({
      intact: false,
      firstBrokenLink: { contradictsAnchor: { seq: anchor.seq } },
    });
  });

  it('refuses an anchor that is not signed with the platform key', async () => {
    await platform.db.pool.query(
      `INSERT INTO access.access_log_anchors (anchor_id, seq, hash, anchored_at, key_id, signature) SELECT gen_random_uuid(), h.seq, h.hash, a.latest + interval '1 second', 'forged', 'a.b.c'
         FROM access.access_log_head h, (SELECT max(anchored_at) AS latest FROM access.access_log_anchors) a`,
    );
    expect(await verify()).toMatchObject({
      intact: false,
      firstBrokenLink: { problem: expect.stringMatching(/is not signed by the platform's anchor key/) },
    });
  });
});
