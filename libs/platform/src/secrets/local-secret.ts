import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A secret the embedded default generates on first start and keeps under
 * `<dataDir>/keys` (0600). Production passes it through the environment instead.
 */
export function localSecret(dataDir: string, name: string, bytes = 32): Buffer {
  const file = join(dataDir, 'keys', `${name}.key`);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(bytes);
  writeFileSync(file, secret.toString('base64'), { mode: 0o600, flag: 'wx' });
  return secret;
}
