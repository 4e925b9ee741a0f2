import { randomBytes } from 'node:crypto';
import { eventCatalogue } from '@app/domain';
import { consentCoverage, consentDecider, type ConsentEvent, type CoverageQuestion } from '@app/domain';
import { CONSENT_PURPOSES, INFORMATION_CATEGORIES, replay } from '@app/domain';
import { ChildDataKeys } from '@app/event-store';
import { ProtectedEventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { ProjectionRunner } from '../runtime/projection-runner';
import { Oakfield, parentalConsent, SCHOOL } from '../referral/testing/oakfield';
import { RecordedHistory } from '../testing/recorded-history';
import { consentScopesProjection } from './consent-scopes.projection';
import { consentCoverageFor, consentsAwaitingExpiry, consentScopesOf } from './queries';

describe('consent_scopes: the read model every API gate asks', () => {
  let db: TestDatabase;
  let store: ProtectedEventStore;
  let runner: ProjectionRunner;
  let oakfield: Oakfield;

  beforeAll(async () => {
    db = await createTestDatabase('consent_scopes');
    store = new ProtectedEventStore(
      new PostgresEventStore({ pool: db.pool }),
      new ChildDataKeys(db.pool, randomBytes(32)),
      eventCatalogue,
    );
    runner = new ProjectionRunner(db.dataSource, store, [consentScopesProjection]);
    const history = new RecordedHistory(store, { userId: 'u-senco', role: 'senco', agencyId: SCHOOL });
    oakfield = new Oakfield(history, db.dataSource.manager, () => runner.catchUp(consentScopesProjection));
    await oakfield.zara();
    await oakfield.kai();
    // Jay's father consents, widens to MAST, then withdraws the first consent by phone; the second lapses.
    await oakfield.consent(
      'child-jay',
      parentalConsent('child-jay', '2013-05-20', '2026-01-05', 'jay-school'),
      {
        ...parentalConsent('child-jay', '2013-05-20', '2026-01-20', 'jay-mast'),
        scope: {
          purposes: ['mast-involvement'],
          recipients: ['mast', SCHOOL],
          categories: ['attendance', 'family-circumstances'],
        },
        expiresOn: '2026-03-01',
      },
      {
        type: 'WithdrawConsent',
        childId: 'child-jay',
        childDateOfBirth: '2013-05-20',
        consentId: 'jay-school',
        withdrawnBy: { kind: 'parent-carer', name: 'Mr Okoro', relationship: 'father' },
        withdrawnAt: '2026-02-10T14:05:00Z',
        evidence: { form: 'verbal', witnessedBy: 'School office, phone call' },
      },
      { type: 'RecordConsentExpiry', childId: 'child-jay', consentId: 'jay-mast', today: '2026-03-02' },
    );
    await runner.catchUp(consentScopesProjection);
  });

  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it("holds each decision with its scope, giver, evidence and the child's standing, and nothing personal", async () => {
    const zara = await consentScopesOf(db.dataSource.manager, 'child-zara');
    expect(zara.map((r) => [r.consentId, r.kind, r.giverKind, r.childCompetent])).toEqual([
      ['consent-child-zara', 'given', 'parent-carer', true],
      ['zara-refuses-parents', 'refused', 'child', true],
    ]);
    expect(zara[1]).toMatchObject({
      purposes: ['information-sharing'],
      recipients: ['parent-carer'],
      categories: ['family-circumstances', 'health'],
      effectiveOn: '2026-01-08',
      childAge: 14,
      competenceAssessmentId: 'gillick-zara',
      evidenceForm: 'written',
    });
    const raw = JSON.stringify(await db.dataSource.query(`SELECT * FROM read_models.consent_scopes`));
    expect(raw).not.toMatch(/Brennan|Okoro|A Parent/);
  });

  it('Box 14: records a withdrawal at its instant and a recorded expiry', async () => {
    const jay = await consentScopesOf(db.dataSource.manager, 'child-jay');
    expect(jay.find((r) => r.consentId === 'jay-school')).toMatchObject({ withdrawnByKind: 'parent-carer' });
    expect(jay.find((r) => r.consentId === 'jay-school')!.withdrawnAt!.toISOString()).toBe('2026-02-10T14:05:00.000Z');
    expect(jay.find((r) => r.consentId === 'jay-mast')).toMatchObject({
      expiresOn: '2026-03-01',
      expiryRecordedOn: '2026-03-01',
    });
  });

  it('lists consents past their expiry day whose expiry is not yet recorded, for the scheduled job', async () => {
    expect(await consentsAwaitingExpiry(db.dataSource.manager, '2026-08-31')).toEqual([]);
    // Jay's MAST consent is already recorded as expired and his school consent withdrawn.
    // Kai's is a refusal, which does not expire.
    expect(await consentsAwaitingExpiry(db.dataSource.manager, '2026-09-01')).toEqual([
      { childId: 'child-zara', consentId: 'consent-child-zara', expiresOn: '2026-09-01' },
    ]);
  });

  it("answers gates: withdrawal at once, expiry, a parent's refusal, a competent child's refusal of parental access", async () => {
    const ask = (childId: string, question: Partial<CoverageQuestion>) =>
      consentCoverageFor(db.dataSource.manager, childId, {
        purpose: 'learning-mentor-support',
        agencyId: SCHOOL,
        category: 'attendance',
        at: '2026-02-10T14:04:59Z',
        ...question,
      });
    expect(await ask('child-jay', {})).toMatchObject({ covered: true, consentId: 'jay-school' });
    expect(await ask('child-jay', { at: '2026-02-10T14:05:00Z' })).toMatchObject({
      covered: false,
      reason: 'withdrawn',
      consentId: 'jay-school',
    });
    expect(await ask('child-jay', { purpose: 'mast-involvement', agencyId: 'mast', at: '2026-02-28' })).toMatchObject({
      covered: true,
      consentId: 'jay-mast',
    });
    expect(await ask('child-jay', { purpose: 'mast-involvement', agencyId: 'mast', at: '2026-03-01' })).toMatchObject({
      covered: false,
      reason: 'expired',
    });
    expect(await ask('child-kai', { at: '2026-02-03' })).toMatchObject({
      covered: false,
      reason: 'refused',
      consentId: 'refusal-kai',
    });
    expect(
      await ask('child-zara', {
        purpose: 'information-sharing',
        agencyId: 'parent-carer',
        category: 'family-circumstances',
        at: '2026-03-01',
      }),
    ).toMatchObject({
      covered: false,
      reason: 'child-refusal-binds',
      consentId: 'zara-refuses-parents',
    });
    expect(await ask('child-zara', { at: '2026-03-01' })).toMatchObject({
      covered: true,
      consentId: 'consent-child-zara',
      giverKind: 'parent-carer',
    });
  });

  it('gives exactly the answer the consent stream itself gives, for every purpose, recipient, category and time', async () => {
    const recipients = [SCHOOL, 'mast', 'social-care', 'parent-carer'] as const;
    const times = [
      '2026-01-04',
      '2026-01-07',
      '2026-02-10T14:04:59Z',
      '2026-02-10T14:05:00Z',
      '2026-03-01',
      '2026-09-01',
    ];
    for (const childId of ['child-zara', 'child-kai', 'child-jay']) {
      const events = (await store.readStream(`consent-${childId}`)).map(
        (e) => ({ type: e.type, data: e.data }) as unknown as ConsentEvent,
      );
      const folded = replay(consentDecider, events);
      for (const purpose of CONSENT_PURPOSES)
        for (const agencyId of recipients)
          for (const category of INFORMATION_CATEGORIES)
            for (const at of times) {
              const question = { purpose, agencyId, category, at };
              expect(await consentCoverageFor(db.dataSource.manager, childId, question)).toEqual(
                consentCoverage(folded, question),
              );
            }
    }
  });
});
