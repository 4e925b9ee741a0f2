import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/platform';
import { LocalIssuer } from './local-issuer';
import { TokenVerifier } from './token-verifier';

/** A token verified once is remembered until it expires; its expiry is still checked on every use. */
describe('token verification, remembered', () => {
  let dataDir: string;
  let issuer: LocalIssuer;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'token-verifier-'));
    issuer = await LocalIssuer.open(dataDir);
    verifier = new TokenVerifier(loadConfig({ DATA_DIR: dataDir }), issuer);
  });
  afterAll(() => {
    jest.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a remembered token once it has expired, and a copy with another signature from the start', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await issuer.sign('senco.oakfield', 60, now);
    expect(await verifier.subjectOf(`Bearer ${token}`)).toBe('senco.oakfield');
    expect(await verifier.subjectOf(`Bearer ${token}`)).toBe('senco.oakfield');

    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${(await issuer.sign('senco.oakfield', 60, now)).split('.')[2].replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`;
    await expect(verifier.subjectOf(`Bearer ${forged}`)).rejects.toMatchObject({ failure: 'bad-signature' });

    // Past exp and the clock tolerance: the remembered answer no longer holds.
    jest.spyOn(Date, 'now').mockReturnValue((now + 60 + 31) * 1000);
    await expect(verifier.subjectOf(`Bearer ${token}`)).rejects.toMatchObject({ failure: 'expired-token' });
  });
});
