import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/**
 * The autumn term of 2026 with Riverside's INSET day on Friday 27 November: the new school's
 * calendar, not the old one's, counts the 5 school days of KCSIE.
 */
const calendarFile = join(mkdtempSync(join(tmpdir(), 'school-move-')), 'school-terms.json');
writeFileSync(
  calendarFile,
  JSON.stringify({
    default: {
      terms: [
        { start: '2026-09-03', end: '2026-10-23' },
        { start: '2026-11-02', end: '2026-12-18' },
        { start: '2027-01-04', end: '2027-02-12' },
      ],
      closures: [],
    },
    schools: { 'school-riverside': { closures: ['2026-11-27'] } },
  }),
);

/**
 * A child moves from Oakfield to Riverside: the pupil record moves, the child-protection file
 * goes separately to Riverside's DSL, who confirms receipt; one transfer on school day 4, one
 * late with its breach on both DSLs' lists.
 */
describe('a school move with the child-protection file (KCSIE)', () => {
  let platform: PlatformUnderTest;
  let now = new Date('2026-12-01T10:00:00Z'); // Tuesday
  const { as, get, post, registerChild } = apiClient(() => platform);
  const logged = async (childId: string, userId: string) =>
    (
      await platform.db.pool.query(
        `SELECT resource, outcome, basis, reason FROM access.access_log WHERE child_id = $1 AND user_id = $2 ORDER BY seq`,
        [childId, userId],
      )
    ).rows;
  /** A child of Oakfield with a concern reviewed by its DSL and a decision to share about safeguarding: Oakfield's child-protection file. */
  const childWithAFile = async (givenName: string) => {
    const childId = await registerChild({ givenName });
    const concernId = (
      await post('mentor.oakfield', '/concerns', {
        childId,
        seenOrHeard: `${givenName} said she is frightened of an older boy on the estate`,
      })
    ).body.concernId;
    expect(
      (
        await post('dsl.oakfield', `/concerns/${concernId}/review`, {
          outcome: 'monitor',
          reasons: 'Monitor and talk to the family',
          reviewedOn: '2026-11-16',
        })
      ).status,
    ).toBe(200);
    const shared = await post('dsl.oakfield', '/sharing', {
      childId,
      origin: 'proactive',
      purpose: 'Tell the police of the older boy',
      recipient: { agencyId: 'police' },
      categories: ['safeguarding'],
    });
    expect(shared.status).toBe(201);
    return { childId, concernId, sharingId: shared.body.sharingId as string };
  };
  const move = async (childId: string, startsOn: string) =>
    post('dsl.oakfield', `/children/${childId}/school-moves`, {
      toSchoolId: 'school-riverside',
      startsOn,
      reason: 'The family moved across the city',
    });
  const listed = async (userId: string, schoolId: string, moveId: string) => {
    const list = await get(userId, `/schools/${schoolId}/child-protection-transfers`);
    expect(list.status).toBe(200);
    return list.body.find((row: { moveId: string }) => row.moveId === moveId);
  };

  beforeAll(async () => {
    now = new Date('2026-11-16T10:00:00Z');
    platform = await startPlatform('school_move', { SCHOOL_CALENDARS_FILE: calendarFile }, { clock: () => now });
    expect(
      (await post('admin', '/agencies', { agencyId: 'school-hillside', name: 'Hillside Primary', kind: 'school' }))
        .status,
    ).toBe(201);
    expect(
      (
        await post('admin', '/users', {
          userId: 'dsl.hillside',
          displayName: 'Hillside DSL',
          role: 'dsl',
          agencyId: 'school-hillside',
        })
      ).status,
    ).toBe(201);
  });
  afterAll(async () => {
    await platform.close();
  });

  describe('a transfer on school day 4', () => {
    let file: Awaited<ReturnType<typeof childWithAFile>>;
    let moveId: string;

    beforeAll(async () => {
      now = new Date('2026-11-16T10:00:00Z');
      file = await childWithAFile('Amira');
      now = new Date('2026-12-01T10:00:00Z');
    });

    it('is recorded by the leaving school: the pupil record moves, the file is due on the 5th school day at Riverside, its INSET day skipped', async () => {
      // Wednesday 25 November (1), 26 (2), INSET 27, 30 (3), 1 December (4), 2 December (5).
      const recorded = await move(file.childId, '2026-11-25');
      expect(recorded.status).toBe(201);
      expect(recorded.body.transferDueBy).toBe('2026-12-02');
      moveId = recorded.body.moveId;
      expect((await get('senco.riverside', `/children/${file.childId}`)).body.schoolId).toBe('school-riverside');
      expect((await get('senco.oakfield', `/children/${file.childId}`)).status).toBe(403);
      // Only a move changes the school: a correction naming the old school is still refused.
      const back = await (
        await as('senco.riverside')
      )
        .patch(`/children/${file.childId}`)
        .send({ schoolId: 'school-oakfield', reason: 'x' });
      expect(back.status).toBe(409);
      expect(back.body.rule).toBe('child.school-move-required');
    });

    it('keeps the file from the new school until its DSL confirms receipt; the old school reads what it recorded, logged as such', async () => {
      expect((await get('dsl.riverside', `/concerns/${file.concernId}`)).status).toBe(403);
      expect((await get('dsl.riverside', `/sharing/${file.sharingId}`)).status).toBe(403);
      expect((await get('dsl.riverside', `/school-moves/${moveId}/child-protection-file`)).status).toBe(403);
      const own = await get('dsl.oakfield', `/concerns/${file.concernId}`);
      expect(own.status).toBe(200);
      expect(own.body.seenOrHeard).toContain('older boy');
      expect((await get('dsl.oakfield', `/sharing/${file.sharingId}`)).status).toBe(200);
      const ownFile = await get('dsl.oakfield', `/school-moves/${moveId}/child-protection-file`);
      expect(ownFile.body.concerns.map((c: { concernId: string }) => c.concernId)).toEqual([file.concernId]);
      expect(ownFile.body.sharingDecisions.map((s: { sharingId: string }) => s.sharingId)).toEqual([file.sharingId]);
      // It reads; it no longer adds to the record of a child who has left.
      expect(
        (
          await post('dsl.oakfield', `/concerns/${file.concernId}/review`, {
            outcome: 'monitor',
            reasons: 'x',
            reviewedOn: '2026-12-01',
          })
        ).status,
      ).toBe(403);
      const oakfieldLog = await logged(file.childId, 'dsl.oakfield');
      expect(oakfieldLog).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            resource: 'GET /concerns/:concernId',
            outcome: 'allowed',
            basis: 'recorded-it:school-oakfield',
          }),
          expect.objectContaining({
            resource: 'GET /sharing/:sharingId',
            outcome: 'allowed',
            basis: 'recorded-it:school-oakfield',
          }),
          expect.objectContaining({
            resource: 'GET /school-moves/:moveId/child-protection-file',
            outcome: 'allowed',
            basis: 'recorded-it:school-oakfield',
          }),
        ]),
      );
      expect(await logged(file.childId, 'dsl.riverside')).toEqual(
        expect.arrayContaining([expect.objectContaining({ resource: 'GET /concerns/:concernId', outcome: 'refused' })]),
      );
    });

    it('is sent on school day 4, on time, and is a disclosure in the ledger under the KCSIE duty', async () => {
      const sent = await post('dsl.oakfield', `/school-moves/${moveId}/child-protection-file-sent`, {
        sentOn: '2026-12-01',
      });
      expect(sent.status).toBe(200);
      const seen = await get('dsl.riverside', `/school-moves/${moveId}`);
      expect(seen.body).toMatchObject({
        fromSchoolId: 'school-oakfield',
        toSchoolId: 'school-riverside',
        startsOn: '2026-11-25',
        schoolDay: 4,
        reason: 'The family moved across the city',
      });
      expect(seen.body.childProtectionFile).toMatchObject({
        transfer: { dueBy: '2026-12-02', metOn: '2026-12-01', breach: null, state: 'met' },
        receipt: { dueBy: '2026-12-02', state: 'due' },
        inBreach: false,
      });
      const ledger = await get('dpo', `/disclosure-audit/children/${file.childId}`);
      const entry = ledger.body.disclosures.find((d: { kind: string }) => d.kind === 'child-protection-file');
      expect(entry).toMatchObject({
        disclosureId: `child-protection-file:${moveId}`,
        recipientAgencyId: 'school-riverside',
        channel: 'platform',
        disclosedBy: { userId: 'dsl.oakfield' },
      });
      expect(entry.basis).toMatchObject({ kind: 'without-consent', ground: 'statutory-function' });
      expect(entry.basis.justification).toContain('Keeping children safe in education');
      expect(entry.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ recordRef: `concern:${file.concernId}`, category: 'safeguarding' }),
          expect.objectContaining({ recordRef: `sharing:${file.sharingId}` }),
        ]),
      );
      // Sent is not received: the new school still waits for its own DSL's confirmation.
      expect((await get('dsl.riverside', `/concerns/${file.concernId}`)).status).toBe(403);
    });

    it('opens to the new school from receipt, logged as received; a third school is refused, logged', async () => {
      expect(
        (
          await post('dsl.riverside', `/school-moves/${moveId}/child-protection-file-received`, {
            receivedOn: '2026-12-01',
          })
        ).status,
      ).toBe(200);
      const theirs = await get('dsl.riverside', `/concerns/${file.concernId}`);
      expect(theirs.status).toBe(200);
      expect(theirs.body.dslReasons).toBe('Monitor and talk to the family');
      expect((await get('dsl.riverside', `/sharing/${file.sharingId}`)).status).toBe(200);
      const received = await get('dsl.riverside', `/school-moves/${moveId}/child-protection-file`);
      expect(received.body.concerns.map((c: { concernId: string }) => c.concernId)).toEqual([file.concernId]);
      expect(await logged(file.childId, 'dsl.riverside')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            resource: 'GET /concerns/:concernId',
            outcome: 'allowed',
            basis: 'received-child-protection-file:school-riverside',
          }),
        ]),
      );
      // The new school now works on it: a review is its DSL's to record.
      expect(
        (
          await post('dsl.riverside', `/concerns/${file.concernId}/review`, {
            outcome: 'monitor',
            reasons: 'x',
            reviewedOn: '2026-12-01',
          })
        ).status,
      ).toBe(409);
      for (const path of [
        `/concerns/${file.concernId}`,
        `/sharing/${file.sharingId}`,
        `/school-moves/${moveId}`,
        `/school-moves/${moveId}/child-protection-file`,
        '/schools/school-riverside/child-protection-transfers',
      ]) {
        expect((await get('dsl.hillside', path)).status).toBe(403);
      }
      expect(
        (
          await post('dsl.hillside', `/school-moves/${moveId}/child-protection-file-received`, {
            receivedOn: '2026-12-01',
          })
        ).status,
      ).toBe(403);
      const hillside = await logged(file.childId, 'dsl.hillside');
      expect(hillside.filter((e) => e.outcome === 'refused')).toHaveLength(5);
      const row = await listed('dsl.riverside', 'school-riverside', moveId);
      expect(row).toMatchObject({
        direction: 'receiving',
        childId: file.childId,
        schoolDay: 4,
        childProtectionFile: {
          transfer: { state: 'met' },
          receipt: { state: 'met', metOn: '2026-12-01' },
          inBreach: false,
        },
      });
    });

    it('goes on with the child to a third school: what Riverside received is in its file, and Riverside keeps only what it recorded itself', async () => {
      const onward = await post('dsl.riverside', `/children/${file.childId}/school-moves`, {
        toSchoolId: 'school-hillside',
        startsOn: '2026-12-01',
        reason: 'Moved again',
      });
      expect(onward.status).toBe(201);
      const onwardMove = await get('dsl.riverside', `/school-moves/${onward.body.moveId}`);
      expect(onwardMove.body.records).toEqual([`concern:${file.concernId}`, `sharing:${file.sharingId}`].sort());
      expect((await get('dsl.riverside', `/concerns/${file.concernId}`)).status).toBe(403);
      expect((await get('dsl.riverside', `/school-moves/${moveId}/child-protection-file`)).body).toMatchObject({
        concerns: [],
        sharingDecisions: [],
      });
      expect((await get('dsl.hillside', `/concerns/${file.concernId}`)).status).toBe(403);
      expect((await get('dsl.oakfield', `/concerns/${file.concernId}`)).status).toBe(200);
    });
  });

  describe('a late transfer', () => {
    let file: Awaited<ReturnType<typeof childWithAFile>>;
    let moveId: string;

    beforeAll(async () => {
      now = new Date('2026-11-16T10:00:00Z');
      file = await childWithAFile('Bella');
      now = new Date('2026-12-01T10:00:00Z');
      // Wednesday 18 November (1), 19, 20, 23, 24 (5): due on Tuesday 24 November, recorded a week later.
      const recorded = await move(file.childId, '2026-11-18');
      expect(recorded.body.transferDueBy).toBe('2026-11-24');
      moveId = recorded.body.moveId;
    });

    it("shows as overdue on both DSLs' lists, then as a breach with its reason once sent", async () => {
      expect(await listed('dsl.oakfield', 'school-oakfield', moveId)).toMatchObject({
        direction: 'sending',
        childProtectionFile: { transfer: { state: 'overdue' }, inBreach: true },
      });
      const refused = await post('dsl.oakfield', `/school-moves/${moveId}/child-protection-file-sent`, {
        sentOn: '2026-12-01',
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ field: 'lateReason', rule: 'school-move.late-reason-required' });
      expect(
        (
          await post('dsl.oakfield', `/school-moves/${moveId}/child-protection-file-sent`, {
            sentOn: '2026-12-01',
            lateReason: 'The move was only reported to us today',
          })
        ).status,
      ).toBe(200);
      for (const [userId, schoolId, direction] of [
        ['dsl.oakfield', 'school-oakfield', 'sending'],
        ['dsl.riverside', 'school-riverside', 'receiving'],
      ]) {
        expect(await listed(userId, schoolId, moveId)).toMatchObject({
          direction,
          schoolDay: 9,
          childProtectionFile: {
            transfer: {
              state: 'breached',
              breach: { dueBy: '2026-11-24', reason: 'The move was only reported to us today' },
            },
            receipt: { dueBy: '2026-12-02', state: 'due' },
            inBreach: true,
          },
        });
      }
    });

    it('an unconfirmed receipt past its day is a breach on both lists, and a late confirmation records why', async () => {
      now = new Date('2026-12-03T10:00:00Z');
      for (const [userId, schoolId] of [
        ['dsl.oakfield', 'school-oakfield'],
        ['dsl.riverside', 'school-riverside'],
      ]) {
        expect(await listed(userId, schoolId, moveId)).toMatchObject({
          childProtectionFile: { receipt: { state: 'overdue', metOn: null }, inBreach: true },
        });
      }
      expect(
        (
          await post('dsl.riverside', `/school-moves/${moveId}/child-protection-file-received`, {
            receivedOn: '2026-12-03',
          })
        ).body,
      ).toMatchObject({ field: 'lateReason' });
      expect(
        (
          await post('dsl.riverside', `/school-moves/${moveId}/child-protection-file-received`, {
            receivedOn: '2026-12-03',
            lateReason: 'DSL on a course',
          })
        ).status,
      ).toBe(200);
      expect(await listed('dsl.oakfield', 'school-oakfield', moveId)).toMatchObject({
        childProtectionFile: {
          receipt: { state: 'breached', breach: { dueBy: '2026-12-02', reason: 'DSL on a course' } },
        },
      });
    });
  });

  describe('bad input', () => {
    let childId: string;
    beforeAll(async () => {
      now = new Date('2026-12-01T10:00:00Z');
      childId = await registerChild({ givenName: 'Cara' });
    });

    it.each([
      [{ startsOn: '2026-12-01', reason: 'r' }, 'toSchoolId'],
      [{ toSchoolId: 'school-riverside', startsOn: '2026-13-01', reason: 'r' }, 'startsOn'],
      [{ toSchoolId: 'school-riverside', startsOn: '2026-12-01' }, 'reason'],
      [{ toSchoolId: 'school-nowhere', startsOn: '2026-12-01', reason: 'r' }, 'toSchoolId'],
      [{ toSchoolId: 'school-oakfield', startsOn: '2026-12-01', reason: 'r' }, 'toSchoolId'],
      [
        { toSchoolId: 'school-riverside', startsOn: '2026-12-01', reason: 'r', childProtectionRecords: [] },
        'childProtectionRecords',
      ],
    ])('refuses a move %j with 400 naming %s, and writes nothing', async (body, field) => {
      const refused = await post('dsl.oakfield', `/children/${childId}/school-moves`, body);
      expect(refused.status).toBe(400);
      expect(refused.body.field).toBe(field);
      expect((await get('senco.oakfield', `/children/${childId}`)).body.schoolId).toBe('school-oakfield');
    });

    it('refuses a step in the future, an unknown field or an unknown step', async () => {
      const { body } = await post('dsl.oakfield', `/children/${childId}/school-moves`, {
        toSchoolId: 'school-riverside',
        startsOn: '2026-12-01',
        reason: 'Moved',
      });
      // Cara had no file at Oakfield: nothing to send, nothing due.
      expect(body.transferDueBy).toBeNull();
      expect(
        (
          await post('dsl.oakfield', `/school-moves/${body.moveId}/child-protection-file-sent`, {
            sentOn: '2026-12-02',
          })
        ).body,
      ).toMatchObject({ field: 'sentOn', rule: 'request.day-in-future' });
      expect(
        (
          await post('dsl.oakfield', `/school-moves/${body.moveId}/child-protection-file-sent`, {
            sentOn: '2026-12-01',
            by: 'x',
          })
        ).body.field,
      ).toBe('by');
      expect(
        (
          await post('dsl.oakfield', `/school-moves/${body.moveId}/child-protection-file-sent`, {
            sentOn: '2026-12-01',
          })
        ).body.rule,
      ).toBe('school-move.no-child-protection-file');
      expect((await post('dsl.riverside', `/school-moves/${body.moveId}/elsewhere`, {})).status).toBe(404);
    });
  });
});
