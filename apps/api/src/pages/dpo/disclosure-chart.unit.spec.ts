import { basisOf, disclosureChart } from './disclosure-chart';

const at = (iso: string) => new Date(iso);
const consent = { kind: 'consent' };
const harm = { kind: 'without-consent', ground: 'risk-of-significant-harm' };

describe("the dpo's disclosures by basis and agency by month", () => {
  const { chart, rows } = disclosureChart([
    { disclosedAt: at('2026-11-03T10:00:00Z'), recipientAgencyId: 'police', basis: harm },
    { disclosedAt: at('2026-11-20T10:00:00Z'), recipientAgencyId: 'police', basis: harm },
    { disclosedAt: at('2026-11-21T10:00:00Z'), recipientAgencyId: 'health', basis: consent },
    { disclosedAt: at('2026-12-01T00:00:00Z'), recipientAgencyId: 'social-care', basis: harm },
  ]);

  it('counts each month, agency and basis in the table', () => {
    expect(rows).toEqual([
      { month: '2026-11', agencyId: 'health', basis: 'consent', count: 1 },
      { month: '2026-11', agencyId: 'police', basis: 'without consent (risk of significant harm)', count: 2 },
      { month: '2026-12', agencyId: 'social-care', basis: 'without consent (risk of significant harm)', count: 1 },
    ]);
  });

  it('draws one bar per basis in each month, the tallest for the largest count', () => {
    expect(chart.groups.map((m) => [m.key, m.label])).toEqual([
      ['2026-11', 'Nov 2026'],
      ['2026-12', 'Dec 2026'],
    ]);
    const [november, december] = chart.groups;
    expect(november.bars.map((b) => [b.label, b.count])).toEqual([
      ['consent', 1],
      ['without consent (risk of significant harm)', 2],
    ]);
    expect(november.bars[1].height).toBe(chart.plotBottom - chart.plotTop);
    expect(november.bars[0].height).toBe((chart.plotBottom - chart.plotTop) / 2);
    expect(december.bars[0]).toMatchObject({ count: 0, height: 0, y: chart.plotBottom });
    expect(chart.table.map((r) => r.counts)).toEqual([
      [1, 2],
      [0, 1],
    ]);
  });

  it('names a basis in words, and an empty ledger still draws', () => {
    expect(basisOf(null)).toBe('none recorded');
    expect(disclosureChart([])).toMatchObject({ chart: { groups: [], table: [], max: 1 }, rows: [] });
  });
});
