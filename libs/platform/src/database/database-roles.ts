import { Client } from 'pg';

/** A login role and its password. */
export interface DatabaseRole {
  readonly name: string;
  readonly password: string;
}

/** Where each role connects: the owner migrates, the app role runs the platform (ADR 012). */
export interface RoleUrls {
  readonly ownerUrl: string;
  readonly appUrl: string;
}

/** The schemas the platform's migrations create: their objects must belong to the owner. */
export const PLATFORM_SCHEMAS = ['event_store', 'read_models', 'access', 'integration', 'api'];

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

const asIdentifier = (name: string): string => {
  if (!IDENTIFIER.test(name))
    throw new Error(`"${name}" is not a role or database name the platform creates (lower-case letters, digits, _)`);
  return `"${name}"`;
};

/** `url` on another database. */
export function onDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** `url` on another database, as another user. */
export function urlAs(url: string, role: DatabaseRole, database: string): string {
  const u = new URL(onDatabase(url, database));
  u.username = encodeURIComponent(role.name);
  u.password = encodeURIComponent(role.password);
  return u.toString();
}

/**
 * As the server's superuser, once per start: makes sure the owner and the app role exist
 * (neither superuser, neither able to create roles or databases), that the owner owns the
 * database, and that every object of the platform's schemas belongs to the owner. Databases
 * migrated before ADR 012 were built by the superuser; their objects are handed over here,
 * so the owner can grant on them. Nothing else is done as the superuser.
 */
export async function provisionRoles(
  superuserUrl: string,
  database: string,
  roles: { owner: DatabaseRole; app: DatabaseRole },
): Promise<RoleUrls> {
  const client = new Client({ connectionString: onDatabase(superuserUrl, database) });
  await client.connect();
  try {
    for (const role of [roles.owner, roles.app]) {
      const { rowCount } = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role.name]);
      const { rows } = await client.query(`SELECT quote_literal($1) AS password`, [role.password]);
      const verb = rowCount ? 'ALTER' : 'CREATE';
      await client.query(
        `${verb} ROLE ${asIdentifier(role.name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${rows[0].password}`,
      );
    }
    const owner = asIdentifier(roles.owner.name);
    await client.query(`ALTER DATABASE ${asIdentifier(database)} OWNER TO ${owner}`);
    const { rows: handovers } = await client.query<{ statement: string }>(
      `SELECT format('ALTER SCHEMA %I OWNER TO %I', n.nspname, $1::text) AS statement
         FROM pg_namespace n WHERE n.nspname = ANY($2) AND n.nspowner <> $1::text::regrole
       UNION ALL
       SELECT format('ALTER %s %I.%I OWNER TO %I', CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, n.nspname, c.relname, $1::text)
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE (n.nspname = ANY($2) OR (n.nspname = 'public' AND c.relname = 'schema_migrations'))
          AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relowner <> $1::text::regrole
       UNION ALL
       SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, $1::text)
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = ANY($2) AND p.proowner <> $1::text::regrole`,
      [roles.owner.name, PLATFORM_SCHEMAS],
    );
    for (const { statement } of handovers) await client.query(statement);
  } finally {
    await client.end();
  }
  return { ownerUrl: urlAs(superuserUrl, roles.owner, database), appUrl: urlAs(superuserUrl, roles.app, database) };
}

/** Drops both roles (tests, after their database is gone). */
export async function dropRoles(superuserUrl: string, roles: readonly DatabaseRole[]): Promise<void> {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    for (const role of roles) await client.query(`DROP ROLE IF EXISTS ${asIdentifier(role.name)}`);
  } finally {
    await client.end();
  }
}

/** The user a connection URL logs in as: the app role whose grants the migrations write. */
export const userOf = (url: string): string => decodeURIComponent(new URL(url).username);
