import { demoUsers } from '@app/access/directory/demo-directory';
import { LocalIssuer } from '@app/access/identity/local-issuer';
import { ConfigError, loadConfig } from '@app/platform/config/config';

/**
 * `npm run token -- <user> [hours]`: prints a bearer token from the local issuer (the key
 * under DATA_DIR/keys, created if the platform has never started). Demo users are listed
 * when none is named.
 */
async function main(): Promise<void> {
  const [userId, hours] = process.argv.slice(2);
  const config = loadConfig();
  if (config.oidc) throw new Error('OIDC_ISSUER is set: tokens come from your identity provider, not from this script');
  if (!userId) {
    process.stderr.write('usage: npm run token -- <user> [hours]\nseeded demo users:\n');
    for (const user of demoUsers) process.stderr.write(`  ${user.userId.padEnd(22)} ${user.role.padEnd(18)} ${user.agencyId}\n`);
    process.exit(2);
  }
  if (!demoUsers.some((u) => u.userId === userId)) {
    process.stderr.write(`note: ${userId} is not a seeded demo user; the token works only if an admin has added them\n`);
  }
  const ttl = hours ? Number(hours) * 3600 : undefined;
  if (ttl !== undefined && !(ttl > 0 && ttl <= 24 * 3600)) throw new Error('hours must be between 0 and 24');
  const issuer = await LocalIssuer.open(config.dataDir);
  process.stdout.write(`${await issuer.sign(userId, ttl)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
