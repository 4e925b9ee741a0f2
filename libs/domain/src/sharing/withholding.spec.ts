import { withholding } from './withholding';

describe("what the family's copy of a subject-access report leaves out (1d)", () => {
  it('keeps everything the family was told of, and what went with consent', () => {
    expect(
      withholding({ basis: { kind: 'without-consent', ground: 'statutory-function' }, familyTold: { informed: true } }),
    ).toBeUndefined();
    expect(withholding({ basis: { kind: 'consent' }, familyTold: null })).toBeUndefined();
  });

  it('leaves out what the family is not told, with the exemption its ground points to and the recorded reason', () => {
    expect(
      withholding({
        basis: { kind: 'without-consent', ground: 'risk-of-significant-harm' },
        familyTold: { informed: false, reason: 'Would alert a suspect' },
      }),
    ).toMatchObject({
      exemption: 'serious-harm',
      reason: 'Would alert a suspect',
    });
    expect(
      withholding({
        basis: { kind: 'without-consent', ground: 'police-serious-crime-investigation' },
        familyTold: { informed: false, reason: 'Police asked' },
      })?.exemption,
    ).toBe('crime-and-taxation');
  });

  it('leaves out what went without consent with nothing recorded about telling the family, until the dpo decides', () => {
    expect(withholding({ basis: { kind: 'without-consent', ground: 'risk-of-significant-harm' } })?.exemption).toBe(
      'awaiting-dpo-review',
    );
  });
});
