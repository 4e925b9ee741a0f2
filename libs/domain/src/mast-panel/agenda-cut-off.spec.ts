import { fixtureCalendar } from '../multi-agency/calendar.fixture';
import { agendaCutOff } from './agenda-cut-off';

const calendar = fixtureCalendar();

describe('the agenda cut-off, in working days before the panel', () => {
  it("takes a Thursday panel's requests up to Tuesday night", () => {
    expect(agendaCutOff(calendar, '2026-01-15', 2)).toBe('2026-01-13T23:59:59.999Z');
  });

  it('counts only working days: after Easter, a Wednesday panel takes what arrived by Easter Monday night', () => {
    // Wed 8 April 2026: from any time over Easter (Good Friday to Monday) Tue 7th and Wed 8th are still two working days away.
    expect(agendaCutOff(calendar, '2026-04-08', 2)).toBe('2026-04-06T23:59:59.999Z');
    // A Monday panel looks back over the weekend to Thursday night.
    expect(agendaCutOff(calendar, '2026-04-20', 2)).toBe('2026-04-16T23:59:59.999Z');
  });

  it('with no working days, takes everything received up to the panel day itself', () => {
    expect(agendaCutOff(calendar, '2026-01-15', 0)).toBe('2026-01-15T23:59:59.999Z');
  });
});
