import { checkSchedule, type RetentionSchedule } from '@app/domain';
import { ConfigError } from './config';
import { readJsonConfig } from './json-file';

const VARIABLE = 'RETENTION_SCHEDULE_FILE';

/** Reads the retention schedule at start-up: a bad file stops the start naming the variable and what is wrong. */
export function loadRetentionSchedule(file: string): RetentionSchedule {
  const checked = checkSchedule(readJsonConfig(VARIABLE, file));
  if ('problem' in checked) throw new ConfigError(VARIABLE, `${checked.problem} (${file})`);
  return checked.schedule;
}
