import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { endOfPeriod } from '@app/domain';
import { loadRetentionSchedule } from './retention-schedule';

const shipped = 'deploy/retention/irms-schools-toolkit.json';
const dir = mkdtempSync(join(tmpdir(), 'retention-schedule-'));
type Editable = { edition?: string; classes: Record<string, { from?: string; years?: number }> };
const variant = (name: string, change: (schedule: Editable) => void) => {
  const schedule = JSON.parse(readFileSync(shipped, 'utf8'));
  change(schedule);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(schedule));
  return path;
};

describe('the retention schedule from RETENTION_SCHEDULE_FILE', () => {
  it('ships the IRMS schools toolkit periods: a child-protection file is kept to the date of birth + 25 years', () => {
    const schedule = loadRetentionSchedule(shipped);
    expect(schedule.edition).toContain('IRMS Information Management Toolkit for Schools');
    expect(endOfPeriod(schedule.classes['child-protection-file'], { dateOfBirth: '2008-02-29', closedOn: null })).toBe(
      '2033-02-28',
    );
    expect(endOfPeriod(schedule.classes['mentoring-case'], { dateOfBirth: '2014-03-09', closedOn: '2026-07-20' })).toBe(
      '2028-07-20',
    );
    expect(endOfPeriod(schedule.classes['mentoring-case'], { dateOfBirth: '2014-03-09', closedOn: null })).toBeNull();
  });

  it('names the variable and the rule for a missing file, a missing class, an unknown class or a bad period', () => {
    expect(() => loadRetentionSchedule(join(dir, 'absent.json'))).toThrow(
      /^Configuration error: RETENTION_SCHEDULE_FILE could not be read/,
    );
    expect(() => loadRetentionSchedule(variant('missing.json', (s) => delete s.classes.caf))).toThrow(
      /RETENTION_SCHEDULE_FILE "classes.caf" is missing/,
    );
    expect(() => loadRetentionSchedule(variant('unknown.json', (s) => (s.classes.diary = s.classes.caf)))).toThrow(
      /"classes.diary" is not a record class/,
    );
    expect(() => loadRetentionSchedule(variant('years.json', (s) => (s.classes.consent.years = -1)))).toThrow(
      /"classes.consent.years" must be a whole number/,
    );
    expect(() => loadRetentionSchedule(variant('from.json', (s) => (s.classes.consent.from = 'birth')))).toThrow(
      /"classes.consent.from" must be/,
    );
    expect(() => loadRetentionSchedule(variant('edition.json', (s) => delete s.edition))).toThrow(
      /"edition" must name/,
    );
  });
});
