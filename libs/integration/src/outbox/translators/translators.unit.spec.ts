import { integrationContracts } from '../../contracts/contracts';
import { recordedEvent, sampleDomainEvents } from '../../testing/recorded-event';
import { pseudonymousChildId } from '../pseudonym';
import { integrationTranslators } from '.';

const childRef = pseudonymousChildId(Buffer.alloc(32, 7), 'child-1');
const translate = (type: keyof typeof sampleDomainEvents) => {
  const translator = integrationTranslators.get(type);
  if (!translator) throw new Error(`no translator for ${type}`);
  return translator.translate(recordedEvent(type, sampleDomainEvents[type]('child-1')), childRef);
};

describe('integration translators (domain event -> integration event)', () => {
  it.each([
    ['ConsentWithdrawn', 'consent-withdrawn'],
    ['MastRequestMade', 'mast-request-received'],
    ['MastRequestDecided', 'mast-request-decided'],
    ['ConcernReferredToSocialCare', 'referral-to-social-care'],
    ['DisclosureMade', 'disclosure-to-agency'],
    ['CorrectionNoticeIssued', 'correction-notice'],
    ['ErasureNoticeIssued', 'erasure-notice'],
  ] as const)('%s becomes %s, which meets its contract', (domainType, integrationType) => {
    const [draft, ...more] = translate(domainType);
    expect(more).toHaveLength(0);
    expect(draft.type).toBe(integrationType);
    expect(draft.payload.childRef).toBe(childRef);
    expect(integrationContracts.check(draft.type, draft.schemaVersion, draft.payload)).toEqual({ valid: true });
  });

  it('names, for the disclosure ledger, the recipient and lawful basis of every message, and the disclosure it carries', () => {
    const ledgerOf = (type: keyof typeof sampleDomainEvents) => translate(type)[0].disclosure;
    for (const type of Object.keys(sampleDomainEvents) as (keyof typeof sampleDomainEvents)[]) {
      expect(ledgerOf(type)).toEqual(
        expect.objectContaining({
          recipient: expect.any(String),
          basis: expect.objectContaining({ kind: expect.any(String) }),
        }),
      );
    }
    expect(ledgerOf('DisclosureMade')).toMatchObject({
      recipient: 'health',
      carries: 'disclosure-1',
      basis: { kind: 'consent', consentIds: ['consent-1'] },
    });
    expect(ledgerOf('ConcernReferredToSocialCare')).toMatchObject({
      recipient: 'social-care',
      carries: 'referral:concern-1',
      basis: { kind: 'without-consent' },
    });
    expect(ledgerOf('ConsentWithdrawn')).toMatchObject({ recipient: 'recipients-of-consent:consent-1' });
    expect(ledgerOf('ConsentWithdrawn')).not.toHaveProperty('carries');
  });

  it('never copies free text about the child or family, nor the raw child id', () => {
    for (const type of Object.keys(sampleDomainEvents) as (keyof typeof sampleDomainEvents)[]) {
      const text = JSON.stringify(translate(type));
      for (const secret of [
        'Sara Khan',
        'moving away',
        'bereavement',
        'Learning mentor sessions',
        'support at home',
        'injury',
        'Register was wrong',
        '"child-1"',
      ]) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it('a disclosure names the fields of the categories the sharing decision allowed, for its one recipient, and carries no value (ADR 016)', () => {
    const [draft] = translate('DisclosureMade');
    expect(draft.recipientAgencyId).toBe('health');
    expect(draft.schemaVersion).toBe(2);
    expect(draft.payload.fields).toEqual({ attendance: ['percent'], health: ['summary'] });
    expect(JSON.stringify(draft.payload)).not.toMatch(/"percent":82|Asthma|NOT ALLOWED/);
  });

  it('a disclosure to the family is not published to any agency', () => {
    const event = recordedEvent('DisclosureMade', {
      ...sampleDomainEvents.DisclosureMade('child-1'),
      recipient: { agencyId: 'parent-carer' },
    });
    expect(integrationTranslators.get('DisclosureMade')!.translate(event, childRef)).toEqual([]);
  });

  it('a correction notice names the corrected fields of the listed category, not their values', () => {
    const [draft] = translate('CorrectionNoticeIssued');
    expect(draft.payload.correctedFields).toEqual({ attendance: ['percent'] });
    expect(JSON.stringify(draft.payload)).not.toContain('"percent":88');
  });

  it('an erasure notice names the disclosure the agency holds and joins it in the ledger', () => {
    const [draft] = translate('ErasureNoticeIssued');
    expect(draft.payload).toEqual({
      childRef,
      noticeId: 'erasure-1:disclosure-1',
      disclosureId: 'disclosure-1',
      recipientAgencyId: 'health',
      erasedAt: '2025-11-22T09:00:00.000Z',
      occurredAt: expect.any(String),
    });
    expect(draft.disclosure).toEqual({
      recipient: 'health',
      basis: { kind: 'erasure-of', disclosureId: 'disclosure-1' },
      carries: 'disclosure-1',
    });
  });

  it('a MAST decision gives the outcome and deadlines, not the panel reasons or the allocated worker', () => {
    const [draft] = translate('MastRequestDecided');
    expect(draft.payload.decision).toEqual({ outcome: 'accept-allocate', allocationKind: 'key-worker' });
    expect(draft.payload).toMatchObject({ responseDueBy: '2025-11-26', firstContactDueBy: '2025-12-03' });
  });

  it('domain events without a translator cause no integration event', () => {
    expect(integrationTranslators.has('ChildRegistered')).toBe(false);
    expect(integrationTranslators.has('ConsentGiven')).toBe(false);
  });
});

describe('pseudonymous child id', () => {
  it('is a stable HMAC-SHA256 hex digest that depends on the key', () => {
    expect(childRef).toMatch(/^[0-9a-f]{64}$/);
    expect(pseudonymousChildId(Buffer.alloc(32, 7), 'child-1')).toBe(childRef);
    expect(pseudonymousChildId(Buffer.alloc(32, 8), 'child-1')).not.toBe(childRef);
  });
});
