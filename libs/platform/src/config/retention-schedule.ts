import { readFileSync } from 'node:fs';
import { checkSchedule, type RetentionSchedule } from '@app/domain/retention/schedule';
import { ConfigError } from './config';

const VARIABLE = 'RETENTION_SCHEDULE_FILE';

/** Reads the retention schedule at start-up: a bad file stops the start naming the variable and what is wrong. */
export function loadRetentionSchedule(file: string): RetentionSchedule {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(VARIABLE, `could not be read as JSON from ${file}: ${(error as Error).message}`);
  }
  const checked = checkSchedule(parsed);
  if ('problem' in checked) throw new ConfigError(VARIABLE, `${checked.problem} (${file})`);
  return checked.schedule;
}
