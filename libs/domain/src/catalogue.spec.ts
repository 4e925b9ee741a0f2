import { eventCatalogue } from './catalogue';
import { consentEventSchemas } from './consent/events';
import { referralEventSchemas } from './referral/events';
import { caseThrough, wholeCase } from './testing/referral-examples';

describe('event catalogue: consent and casework', () => {
  const walk = caseThrough(...wholeCase);

  it('declares every event a whole case produces, each carrying the child id', () => {
    for (const event of walk) {
      expect(eventCatalogue.schemaOf(event.type)).toBeDefined();
      expect((event.data as { childId?: string }).childId).toBe('child-1');
    }
  });

  it('seals names, notes, views and what describes the child', () => {
    const personal = (type: string) => eventCatalogue.personalFields(type);
    expect(personal('ReferralMade')).toEqual(
      expect.arrayContaining(['reasons', 'reasonsDetail', 'profile', 'referrerName']),
    );
    expect(personal('AssessmentRecorded')).toEqual(
      expect.arrayContaining(['childView', 'needsStatement', 'strengths', 'needs']),
    );
    expect(personal('SessionRecorded')).toEqual(['notes']);
    expect(personal('ConsentGiven')).toEqual(['giverName']);
  });

  it('keeps ids, dates and stages readable, so a case can be followed after crypto-shredding', () => {
    for (const schema of [...referralEventSchemas, ...consentEventSchemas]) {
      for (const field of [
        'referralId',
        'childId',
        'consentId',
        'outcome',
        'scope',
        'mentorId',
        'reviewOn',
        'nextReviewOn',
        'closedOn',
      ]) {
        expect(schema.personalFields).not.toContain(field);
      }
    }
  });
});
