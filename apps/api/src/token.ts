import { demoUsers } from '@app/access';
import { LOCAL_TOKEN_MAX_LIFETIME_SECONDS, LocalIssuer } from '@app/access';
import { loadConfig } from '@app/platform';
import { causeOf } from '@app/platform';

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
    for (const user of demoUsers)
      process.stderr.write(`  ${user.userId.padEnd(22)} ${user.role.padEnd(18)} ${user.agencyId}\n`);
    process.exit(2);
  }
  if (!demoUsers.some((u) => u.userId === userId)) {
    process.stderr.write(
      `note: ${userId} is not a seeded demo user; the token works only if an admin has added them\n`,
    );
  }
  // The platform refuses tokens living longer than TOKEN_MAX_LIFETIME_SECONDS; the local issuer signs 8 hours at most.
  const longest = Math.min(LOCAL_TOKEN_MAX_LIFETIME_SECONDS, config.tokenMaxLifetimeSeconds);
  const ttl = hours ? Math.round(Number(hours) * 3600) : longest;
  if (!(ttl > 0 && ttl <= longest)) throw new Error(`hours must be more than 0 and at most ${longest / 3600}`);
  const issuer = await LocalIssuer.open(config.dataDir);
  process.stdout.write(`${await issuer.sign(userId, ttl)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${causeOf(error)}\n`);
  process.exit(1);
});
