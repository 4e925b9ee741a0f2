import { concernClockChart } from './concern-clock-chart';

describe("the DSL's open concerns by clock state", () => {
  it('counts the clocks of open concerns that are due, late or breached, by clock; met and closed ones left out', () => {
    const chart = concernClockChart([
      { status: 'referred', clocks: [{ clock: 'social-care-decision', state: 'overdue' }] },
      {
        status: 'child-in-need-assessment',
        clocks: [
          { clock: 'social-care-decision', state: 'breached' },
          { clock: 'assessment', state: 'due' },
        ],
      },
      {
        status: 'strategy-discussion-held',
        clocks: [
          { clock: 'social-care-decision', state: 'met' },
          { clock: 'initial-conference', state: 'due' },
        ],
      },
      { status: 'closed', clocks: [{ clock: 'assessment', state: 'overdue' }] },
      { status: 'raised', clocks: [] },
    ]);
    expect(chart.table.map((r) => [r.group.key, ...r.counts])).toEqual([
      ['social-care-decision', 0, 1, 1],
      ['assessment', 1, 0, 0],
      ['initial-conference', 1, 0, 0],
      ['core-group', 0, 0, 0],
      ['review-conference', 0, 0, 0],
    ]);
    expect(chart.series.map((s) => s.label)).toEqual(['due', 'late', 'breached']);
    expect(chart.table[0].group.description).toContain('1 working day');
  });
});
