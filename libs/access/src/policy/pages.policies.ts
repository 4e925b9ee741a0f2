import type { Policy } from './policy';
import { allow } from './policy';

/**
 * The web pages' own routes that show no one's data (the start page, sign-out, keeping the
 * session): anyone signed in. A page that shows a child uses its API twin's policy instead.
 */
export const pagePolicies = {
  signedIn: {
    name: 'page.signed-in',
    childLevel: false,
    async decide({ actor }) {
      return allow(`role:${actor.role}`);
    },
  } satisfies Policy,
};
