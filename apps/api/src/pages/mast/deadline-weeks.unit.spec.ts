import { deadlineWeeks, weekOf } from './deadline-weeks';

describe("the co-ordinator's deadlines by week", () => {
  it('weeks start on Monday', () => {
    expect([weekOf('2026-11-30'), weekOf('2026-12-02'), weekOf('2026-12-06'), weekOf('2026-12-07')]).toEqual([
      '2026-11-30',
      '2026-11-30',
      '2026-11-30',
      '2026-12-07',
    ]);
  });

  it('counts met, breached and overdue by the week each fell due, every week between drawn, those still due left out', () => {
    const chart = deadlineWeeks([
      { dueBy: '2026-11-10', state: 'met' },
      { dueBy: '2026-11-12', state: 'breached' },
      { dueBy: '2026-11-13', state: 'met' },
      { dueBy: '2026-11-26', state: 'overdue' },
      { dueBy: '2026-12-09', state: 'due' },
    ]);
    expect(chart.table.map((r) => [r.group.key, r.group.label, ...r.counts])).toEqual([
      ['2026-11-09', 'w/c 9 Nov', 2, 1, 0],
      ['2026-11-16', 'w/c 16 Nov', 0, 0, 0],
      ['2026-11-23', 'w/c 23 Nov', 0, 0, 1],
    ]);
    expect(chart.series.map((s) => [s.key, s.tone])).toEqual([
      ['met', 'green'],
      ['breached', 'red'],
      ['overdue', 'purple'],
    ]);
    expect(chart.groups[0].bars[0].height).toBe(chart.plotBottom - chart.plotTop);
  });

  it('shows the latest twelve weeks at most, and nothing when nothing has fallen due', () => {
    const chart = deadlineWeeks([
      { dueBy: '2026-01-05', state: 'met' },
      { dueBy: '2026-12-07', state: 'breached' },
    ]);
    expect(chart.groups.length).toBe(12);
    expect(chart.groups[11].key).toBe('2026-12-07');
    expect(deadlineWeeks([{ dueBy: '2026-12-09', state: 'due' }]).groups).toEqual([]);
  });
});
