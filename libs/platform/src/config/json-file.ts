import { readFileSync } from 'node:fs';
import { ConfigError } from './config';

/** A configuration file named by a variable, parsed as JSON; unreadable or malformed stops the start naming the variable. */
export function readJsonConfig(variable: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(variable, `could not be read as JSON from ${file}: ${(error as Error).message}`);
  }
}
