import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '../../apps/api/src/subject-access/response-pack';
import { apiClient } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/**
 * Through the API: a subject-access request answered on time, one
 * extended, one overdue (answered late with its reason); the clock counts from the day of
 * receipt to the same date next month, to the next working day when that is a weekend; the
 * response is the family's copy of the subject-access report, in the disclosure ledger on
 * its law, and the request is closed with the digest of every item sent.
 */
describe('subject-access requests as work with a clock', () => {
  let platform: PlatformUnderTest;
  let now = new Date('2026-12-01T09:00:00Z');
  const { get, post, registerChild } = apiClient(() => platform);
  const asked = (childId: string, receivedOn: string, extra: object = {}) => ({
    childId,
    kind: 'personal-data',
    requester: { name: 'Jo Morgan', relationship: 'parent' },
    identityCheck: { method: 'photo-identity-seen', details: 'Driving licence seen by the dpo at the school office' },
    receivedOn,
    ...extra,
  });
  const recordRequest = async (body: object) => {
    const response = await post('dpo', '/subject-access-requests', body);
    expect(response.status).toBe(201);
    return response.body.requestId as string;
  };
  const queue = async (status?: string) =>
    (await get('dpo', `/subject-access-requests${status ? `?status=${status}` : ''}`)).body as Array<
      Record<string, unknown>
    >;
  let ella: string;
  let withheldReferral: string;
  let toldReferral: string;
  // The authority's autumn and spring terms; Oakfield opens after Christmas with an INSET day.
  const calendars = mkdtempSync(join(tmpdir(), 'sar-calendars-'));
  const schoolCalendarsFile = join(calendars, 'school-terms.json');
  writeFileSync(
    schoolCalendarsFile,
    JSON.stringify({
      default: {
        terms: [
          { start: '2026-09-03', end: '2026-10-23' },
          { start: '2026-11-02', end: '2026-12-18' },
          { start: '2027-01-04', end: '2027-02-12' },
        ],
        closures: [],
      },
      schools: { 'school-oakfield': { closures: ['2027-01-04'] } },
    }),
  );

  beforeAll(async () => {
    platform = await startPlatform(
      'subject_access_requests',
      { SCHOOL_CALENDARS_FILE: schoolCalendarsFile },
      { clock: () => now },
    );
    ella = await registerChild({ givenName: 'Ella', familyName: 'Morgan', dateOfBirth: '2014-03-09', yearGroup: 7 });
    const refer = async (familyTold: object) => {
      const concernId = (
        await post('mentor.oakfield', '/concerns', { childId: ella, seenOrHeard: 'Said she is afraid to go home' })
      ).body.concernId as string;
      const referral = {
        ground: 'risk-of-significant-harm',
        urgency: 'immediate',
        categories: ['safeguarding'],
        summary: 'Fear of going home',
        familyTold,
      };
      const reviewed = await post('dsl.oakfield', `/concerns/${concernId}/review`, {
        outcome: 'refer-to-social-care',
        reasons: 'Significant harm suspected',
        reviewedOn: '2026-12-01',
        referral,
      });
      expect(reviewed.status).toBe(200);
      return `referral:${concernId}`;
    };
    withheldReferral = await refer({ informed: false, reason: 'Telling the family would put Ella at risk' });
    toldReferral = await refer({ informed: true, how: 'Mother told by phone the same day' });
  });
  afterAll(async () => {
    await platform.close();
    rmSync(calendars, { recursive: true, force: true });
  });

  it("answers on time with the family's copy of the report, released as a disclosure on UK GDPR Art. 15 and closed with what was sent", async () => {
    // Friday 20 November: the same date next month is Sunday 20 December, so it is due Monday 21 December.
    const requestId = await recordRequest(asked(ella, '2026-11-20'));
    expect((await get('dpo', `/subject-access-requests/${requestId}`)).body).toMatchObject({
      status: 'due',
      childName: 'Ella Morgan',
      receivedOn: '2026-11-20',
      dueBy: '2026-12-21',
      clock: 'one-calendar-month',
      requester: { name: 'Jo Morgan', relationship: 'parent' },
    });

    now = new Date('2026-12-01T10:00:00Z');
    const released = await post('dpo', `/subject-access-requests/${requestId}/response`, { channel: 'secure-email' });
    expect(released.status).toBe(200);
    const { disclosureId, digest } = released.body;
    const pack = (await get('dpo', `/subject-access-requests/${requestId}/response-pack`)).body;
    expect(sha256(pack)).toBe(digest);
    expect(pack.child).toMatchObject({ childId: ella, name: 'Ella Morgan' });
    // The exemption applied: the referral the family may not be told of is not in the pack.
    expect(pack.copy).toBe('family');
    expect(pack.disclosures.map((d: { disclosureId: string }) => d.disclosureId)).toEqual([toldReferral]);

    const answered = (await get('dpo', `/subject-access-requests/${requestId}`)).body;
    expect(answered).toMatchObject({
      status: 'answered',
      answeredOn: '2026-12-01',
      breach: null,
      response: { disclosureId, channel: 'secure-email', basis: { kind: 'uk-gdpr-art-15' } },
    });
    // What was sent, item by item and whole: the digests are of exactly what the dpo received to send.
    expect(answered.response.sent.digest).toBe(digest);
    expect(answered.response.sent.items).toEqual([
      { section: 'disclosure', ref: toldReferral, digest: sha256(pack.disclosures[0]) },
      ...pack.listsNamingChild.map((l: unknown) => ({ section: 'list-naming-child', ref: null, digest: sha256(l) })),
    ]);
    expect(answered.response.exemptionsApplied).toEqual([
      { section: 'disclosure', ref: withheldReferral, exemption: 'serious-harm' },
    ]);

    const ledger = (await get('dpo', `/disclosure-audit/children/${ella}`)).body.disclosures as Array<
      Record<string, unknown>
    >;
    expect(ledger).toContainEqual(
      expect.objectContaining({
        disclosureId,
        kind: 'subject-access-response',
        recipientAgencyId: 'subject-access-requester',
        channel: 'secure-email',
        basis: { kind: 'uk-gdpr-art-15', law: 'UK GDPR Article 15 (right of access by the data subject)' },
        approvedBy: expect.objectContaining({ userId: 'dpo', role: 'dpo' }),
      }),
    );
    // The next report tells the family of the response itself, in words.
    const later = (await get('dpo', `/disclosure-audit/children/${ella}/subject-access`)).body;
    expect(later.disclosures).toContainEqual(
      expect.objectContaining({
        disclosureId,
        recipient: 'The person who made a subject-access request',
        basis: 'UK GDPR Article 15 (right of access by the data subject)',
      }),
    );

    // The pack and the requester's name are sealed in the log, never stored as they read.
    const stored = await platform.db.pool.query(
      `SELECT type FROM event_store.events WHERE type LIKE 'SubjectAccess%' AND data::text LIKE '%Morgan%'`,
    );
    expect(stored.rows).toEqual([]);
    const sealed = await platform.db.pool.query(
      `SELECT type FROM event_store.events WHERE type = 'SubjectAccessResponseReleased' AND data->>'disclosureId' = $1`,
      [disclosureId],
    );
    expect(sealed.rows).toHaveLength(1);
    const page = await get('dpo', `/subject-access-requests/${requestId}/response-pack?format=html`);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('Information shared about Ella Morgan');
    expect(page.text).not.toContain("data protection officer's copy");

    const again = await post('dpo', `/subject-access-requests/${requestId}/response`, { channel: 'letter' });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('subject-access.already-answered');
  });

  it('extends once, by up to two months, the requester told within the first month; refuses a second, a late or a longer one naming the rule', async () => {
    now = new Date('2026-12-01T11:00:00Z');
    // Monday 2 November: due Wednesday 2 December; two months more, Tuesday 2 February 2027.
    const requestId = await recordRequest(asked(ella, '2026-11-02'));
    const tooLong = await post('dpo', `/subject-access-requests/${requestId}/extension`, {
      months: 3,
      reason: 'Records at three agencies',
      requesterToldOn: '2026-11-30',
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ field: 'months', rule: 'subject-access.extension-months' });
    const inFuture = await post('dpo', `/subject-access-requests/${requestId}/extension`, {
      months: 2,
      reason: 'Records at three agencies',
      requesterToldOn: '2026-12-02',
    });
    expect(inFuture.status).toBe(400);
    expect(inFuture.body).toMatchObject({ field: 'requesterToldOn', rule: 'request.day-in-future' });

    const extended = await post('dpo', `/subject-access-requests/${requestId}/extension`, {
      months: 2,
      reason: 'Records at three agencies',
      requesterToldOn: '2026-11-30',
    });
    expect(extended.status).toBe(200);
    expect((await get('dpo', `/subject-access-requests/${requestId}`)).body).toMatchObject({
      status: 'due',
      firstDueBy: '2026-12-02',
      dueBy: '2027-02-02',
      extension: { months: 2, reason: 'Records at three agencies', requesterToldOn: '2026-11-30' },
    });
    expect((await get('dpo', `/subject-access-requests/${requestId}/response-pack`)).status).toBe(404);
    const second = await post('dpo', `/subject-access-requests/${requestId}/extension`, {
      months: 1,
      reason: 'Still more records',
      requesterToldOn: '2026-12-01',
    });
    expect(second.status).toBe(409);
    expect(second.body.rule).toBe('subject-access.extended-once');

    // Received Monday 5 October, due Thursday 5 November: telling the requester on 20 November is too late to extend.
    const older = await recordRequest(asked(ella, '2026-10-05'));
    const afterFirstMonth = await post('dpo', `/subject-access-requests/${older}/extension`, {
      months: 1,
      reason: 'Complex',
      requesterToldOn: '2026-11-20',
    });
    expect(afterFirstMonth.status).toBe(409);
    expect(afterFirstMonth.body.rule).toBe('subject-access.extension-within-first-month');
  });

  it('shows an overdue request as overdue, answers it only with the reason it is late, and keeps the breach on the queue', async () => {
    now = new Date('2026-12-01T12:00:00Z');
    // Thursday 1 October: 1 November is a Sunday, so it was due Monday 2 November.
    const requestId = await recordRequest(
      asked(ella, '2026-10-01', {
        requester: { name: 'Ella Morgan', relationship: 'the-child' },
        identityCheck: { method: 'known-to-the-school', details: 'Ella asked her head of year in person' },
      }),
    );
    const overdue = await queue('overdue');
    expect(overdue.map((r) => r.requestId)).toContain(requestId);
    expect(overdue.find((r) => r.requestId === requestId)).toMatchObject({ status: 'overdue', dueBy: '2026-11-02' });
    expect(overdue.every((r) => r.status === 'overdue')).toBe(true);

    const noReason = await post('dpo', `/subject-access-requests/${requestId}/response`, { channel: 'meeting' });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ field: 'lateReason', rule: 'subject-access.late-reason-required' });
    const late = await post('dpo', `/subject-access-requests/${requestId}/response`, {
      channel: 'meeting',
      lateReason: 'The request was left in a tray over half-term',
    });
    expect(late.status).toBe(200);

    const answered = await queue('answered');
    expect(answered.find((r) => r.requestId === requestId)).toMatchObject({
      status: 'answered',
      answeredOn: '2026-12-01',
      breach: { dueBy: '2026-11-02', reason: 'The request was left in a tray over half-term' },
    });
    const whole = await queue();
    const order = whole.map((r) => r.status);
    expect(order).toEqual(
      [...order].sort(
        (a, b) => ['overdue', 'due', 'answered'].indexOf(String(a)) - ['overdue', 'due', 'answered'].indexOf(String(b)),
      ),
    );
    expect((await get('dpo', '/subject-access-requests?status=late')).status).toBe(400);
  });

  it("counts a parent's request for the educational record in 15 school days, and keeps it to parents", async () => {
    now = new Date('2026-12-01T13:00:00Z');
    // Friday 20 November: 15 school days are the three weeks to Friday 11 December.
    const requestId = await recordRequest(asked(ella, '2026-11-20', { kind: 'educational-record' }));
    expect((await get('dpo', `/subject-access-requests/${requestId}`)).body).toMatchObject({
      clock: 'fifteen-school-days',
      schoolId: 'school-oakfield',
      dueBy: '2026-12-11',
    });
    // Tuesday 1 December: 13 school days to the end of term on the 18th, none in the holidays, Oakfield's INSET day on 4 January, then 5 and 6 January.
    const overChristmas = await recordRequest(asked(ella, '2026-12-01', { kind: 'educational-record' }));
    expect((await get('dpo', `/subject-access-requests/${overChristmas}`)).body.dueBy).toBe('2027-01-06');
    const solicitor = await post(
      'dpo',
      '/subject-access-requests',
      asked(ella, '2026-11-20', {
        kind: 'educational-record',
        requester: { name: 'A Solicitor', relationship: 'legal-representative' },
      }),
    );
    expect(solicitor.status).toBe(400);
    expect(solicitor.body).toMatchObject({
      field: 'requester.relationship',
      rule: 'subject-access.educational-record-for-parents',
    });
    const extension = await post('dpo', `/subject-access-requests/${requestId}/extension`, {
      months: 1,
      reason: 'Complex',
      requesterToldOn: '2026-11-30',
    });
    expect(extension.status).toBe(409);
    expect(extension.body.rule).toBe('subject-access.educational-record-not-extendable');
  });

  it('refuses a request received in the future, one about no child, and bad values by field; nothing is written', async () => {
    const before = (await queue()).length;
    const future = await post('dpo', '/subject-access-requests', asked(ella, '2026-12-02'));
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ field: 'receivedOn', rule: 'request.day-in-future' });
    expect((await post('dpo', '/subject-access-requests', asked(randomUUID(), '2026-11-20'))).status).toBe(404);
    const relation = await post(
      'dpo',
      '/subject-access-requests',
      asked(ella, '2026-11-20', { requester: { name: 'Jo', relationship: 'neighbour' } }),
    );
    expect(relation.status).toBe(400);
    expect(relation.body.field).toBe('requester.relationship');
    const smuggled = await post('dpo', '/subject-access-requests', {
      ...asked(ella, '2026-11-20'),
      schoolId: 'school-riverside',
    });
    expect(smuggled.status).toBe(400);
    expect((await queue()).length).toBe(before);
    expect((await post('dpo', `/subject-access-requests/${randomUUID()}/response`, { channel: 'letter' })).status).toBe(
      404,
    );
  });

  it("is the dpo's alone: anyone else is refused, and the refusal is in the access log", async () => {
    const refused = await post('dsl.oakfield', '/subject-access-requests', asked(ella, '2026-11-20'));
    expect(refused.status).toBe(403);
    expect((await get('head.oakfield', '/subject-access-requests')).status).toBe(403);
    const { rows } = await platform.db.pool.query(
      `SELECT user_id FROM access.access_log WHERE outcome = 'refused' AND resource LIKE '%subject-access-requests%' ORDER BY seq`,
    );
    expect(rows.map((r: { user_id: string }) => r.user_id)).toEqual(['dsl.oakfield', 'head.oakfield']);
  });
});
