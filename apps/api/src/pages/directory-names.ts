import { Directory } from '@app/access';

/** Names for the ids a page shows: people and agencies as their colleagues know them. */
export interface DirectoryNames {
  readonly users: Record<string, string>;
  readonly agencies: Record<string, string>;
}

export async function directoryNames(directory: Directory): Promise<DirectoryNames> {
  const [users, agencies] = await Promise.all([directory.users(), directory.agencies()]);
  return {
    users: Object.fromEntries(users.map((u) => [u.userId, u.displayName])),
    agencies: Object.fromEntries(agencies.map((a) => [a.agencyId, a.name])),
  };
}
