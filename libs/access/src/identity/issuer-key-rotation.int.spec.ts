import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { loadConfig } from '@app/platform';
import { LocalIssuerKeys, rotateLocalIssuerKey } from './issuer-key-rotation';
import { LocalIssuer } from './local-issuer';
import { AuthenticationError, TokenVerifier } from './token-verifier';

/** ADR 021: the local issuer's signing key rotates; the old public key verifies its tokens until they have expired, then nothing. */
describe('rotating the local issuer signing key', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mast-issuer-rotation-'));
  const maxLifetime = 3600;
  const config = loadConfig({ DATA_DIR: dataDir, TOKEN_MAX_LIFETIME_SECONDS: String(maxLifetime) });
  const now = () => Math.floor(Date.now() / 1000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('verifies tokens of the old key and of the new one in a process that keeps running', async () => {
    const before = await LocalIssuer.open(dataDir);
    const verifier = new TokenVerifier(config, before);
    const oldToken = await before.sign('dpo', 600);
    expect(await verifier.subjectOf(`Bearer ${oldToken}`)).toBe('dpo');

    const newKeyId = await rotateLocalIssuerKey(dataDir, now(), maxLifetime);
    const after = await LocalIssuer.open(dataDir);
    expect(after.keyId).toBe(newKeyId);
    expect(newKeyId).not.toBe(before.keyId);
    const newToken = await after.sign('admin', 600);
    expect(decodeProtectedHeader(newToken).kid).toBe(newKeyId);

    expect(await verifier.subjectOf(`Bearer ${newToken}`)).toBe('admin'); // the running verifier finds the new key
    expect(await verifier.subjectOf(`Bearer ${oldToken}`)).toBe('dpo'); // and keeps the old one while its tokens live
    expect(await new TokenVerifier(config, after).subjectOf(`Bearer ${oldToken}`)).toBe('dpo'); // so does a process started after
  });

  it('refuses the old key once every token it signed has expired, and forgets it at the next rotation', async () => {
    const issuer = await LocalIssuer.open(dataDir);
    const token = await issuer.sign('dpo', 600);
    const retiredAt = now();
    await rotateLocalIssuerKey(dataDir, retiredAt, maxLifetime);
    const header = decodeProtectedHeader(token) as { kid: string; alg: string };

    const inWindow = new LocalIssuerKeys(dataDir, maxLifetime, () => retiredAt + maxLifetime);
    await expect(inWindow.getKey(header)).resolves.toBeDefined();
    const pastWindow = new LocalIssuerKeys(dataDir, maxLifetime, () => retiredAt + maxLifetime + 1);
    await expect(pastWindow.getKey(header)).rejects.toThrow();

    // A key retired longer ago than the window is dropped from the file at the next rotation: its token fails as a bad signature.
    await rotateLocalIssuerKey(dataDir, retiredAt + maxLifetime + 1, maxLifetime);
    const fresh = new TokenVerifier(config, await LocalIssuer.open(dataDir));
    await expect(fresh.subjectOf(`Bearer ${token}`)).rejects.toEqual(new AuthenticationError('bad-signature'));
  });
});
