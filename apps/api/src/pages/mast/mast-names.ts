import { Injectable } from '@nestjs/common';
import { Directory } from '@app/access';

export interface Names {
  user(userId: string | null | undefined): string;
  agency(agencyId: string | null | undefined): string;
}

/** People and agencies by name on the MAST pages: the directory's display names, the id when unknown. */
@Injectable()
export class MastNames {
  constructor(private readonly directory: Directory) {}

  async load(): Promise<Names & { readonly users: Awaited<ReturnType<Directory['users']>> }> {
    const [users, agencies] = await Promise.all([this.directory.users(), this.directory.agencies()]);
    const people = new Map(users.map((u) => [u.userId, u.displayName]));
    const places = new Map(agencies.map((a) => [a.agencyId, a.name]));
    return {
      users,
      user: (userId) => (userId ? (people.get(userId) ?? userId) : ''),
      agency: (agencyId) => (agencyId ? (places.get(agencyId) ?? agencyId) : ''),
    };
  }
}
