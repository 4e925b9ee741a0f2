import { reviewClockState, reviewDecideBy } from './review-clock';

describe('a retention review on its clock', () => {
  it('is decided within a calendar month of its listing, the last day of a shorter month standing in', () => {
    expect(reviewDecideBy('2026-12-01')).toBe('2027-01-01');
    expect(reviewDecideBy('2027-01-31')).toBe('2027-02-28');
  });

  it('is due up to and on that day, overdue after it', () => {
    expect(reviewClockState('2026-11-01', '2026-12-01')).toBe('due');
    expect(reviewClockState('2026-11-01', '2026-12-02')).toBe('overdue');
  });
});
