import { INTEGRATION_TYPES, topicOf } from '../integration-event';
import { integrationContracts } from './contracts';

const childRef = 'a'.repeat(64);
const disclosure = {
  childRef,
  disclosureId: 'd1',
  decisionId: 'dec1',
  recipientAgencyId: 'police',
  basis: { kind: 'no-consent', ground: 'police-serious-crime-investigation' },
  categories: ['attendance'],
  information: { attendance: { percent: 80 } },
  disclosedAt: '2025-11-20T12:00:00Z',
  occurredAt: '2025-11-20T12:00:00.123Z',
};

describe('integration contracts', () => {
  it('has a v1 contract for every integration event and the inbound social-care topic, and v2 for those that no longer carry values', () => {
    expect(integrationContracts.names().sort()).toEqual(
      [
        ...INTEGRATION_TYPES.map((t) => topicOf(t, 1)),
        'social-care-case-updates.v1',
        'disclosure-to-agency.v2',
        'correction-notice.v2',
      ].sort(),
    );
  });

  it('v2 of a disclosure names fields per listed category and refuses values', () => {
    const { information: _information, ...rest } = disclosure;
    expect(
      integrationContracts.check('disclosure-to-agency', 2, { ...rest, fields: { attendance: ['percent'] } }),
    ).toEqual({ valid: true });
    expect(
      integrationContracts.check('disclosure-to-agency', 2, { ...rest, fields: { attendance: [{ percent: 80 }] } })
        .valid,
    ).toBe(false);
    expect(integrationContracts.check('disclosure-to-agency', 2, { ...rest, fields: { health: ['summary'] } })).toEqual(
      { valid: false, reason: expect.stringContaining('health') },
    );
    expect(integrationContracts.check('disclosure-to-agency', 2, disclosure)).toEqual({
      valid: false,
      reason: expect.stringContaining('(information)'),
    });
  });

  it('accepts a payload that meets the contract', () => {
    expect(integrationContracts.check('disclosure-to-agency', 1, disclosure)).toEqual({ valid: true });
  });

  it('refuses a field the contract does not name, saying which', () => {
    const check = integrationContracts.check('disclosure-to-agency', 1, { ...disclosure, childId: 'child-1' });
    expect(check).toEqual({ valid: false, reason: expect.stringContaining('(childId)') });
  });

  it('refuses information in a category the decision did not list', () => {
    const check = integrationContracts.check('disclosure-to-agency', 1, {
      ...disclosure,
      information: { attendance: 1, health: 'x' },
    });
    expect(check).toEqual({ valid: false, reason: expect.stringContaining('health') });
  });

  it('refuses an unknown Box 13 ground, a bad child ref and a missing field', () => {
    expect(
      integrationContracts.check('disclosure-to-agency', 1, {
        ...disclosure,
        basis: { kind: 'no-consent', ground: 'curiosity' },
      }).valid,
    ).toBe(false);
    expect(integrationContracts.check('disclosure-to-agency', 1, { ...disclosure, childRef: 'child-1' }).valid).toBe(
      false,
    );
    const { decisionId: _decisionId, ...missing } = disclosure;
    expect(integrationContracts.check('disclosure-to-agency', 1, missing)).toEqual({
      valid: false,
      reason: expect.stringContaining('decisionId'),
    });
  });

  it('has no contract for a version that does not exist', () => {
    expect(integrationContracts.check('disclosure-to-agency', 3, disclosure)).toEqual({
      valid: false,
      reason: 'no contract disclosure-to-agency.v3',
    });
  });

  it('checks inbound social-care updates by type', () => {
    const started = {
      messageId: 'm1',
      type: 'child-protection-plan-started',
      caseId: 'case-1',
      childRef,
      startedOn: '2025-11-20',
    };
    expect(integrationContracts.check('social-care-case-updates', 1, started)).toEqual({ valid: true });
    expect(integrationContracts.check('social-care-case-updates', 1, { ...started, type: 'case-closed' }).valid).toBe(
      false,
    );
    expect(integrationContracts.check('social-care-case-updates', 1, { ...started, type: 'case-reopened' }).valid).toBe(
      false,
    );
  });
});
