import type { CompetenceFramework } from './events';

/**
 * The questions a competence assessment answers. Gillick: does the child understand
 * enough to decide this matter for themselves. Fraser (Box 15): the five criteria Lord
 * Fraser gave; written for contraceptive advice, still used by schools as a structure.
 */
export const COMPETENCE_CRITERIA: Record<CompetenceFramework, readonly string[]> = {
  gillick: [
    'understands-what-is-proposed',
    'understands-the-consequences',
    'can-weigh-up-and-decide',
    'decides-free-of-pressure',
  ],
  fraser: [
    'understands-the-advice',
    'cannot-be-persuaded-to-inform-parents',
    'likely-to-proceed-regardless',
    'wellbeing-may-suffer-without-it',
    'in-their-best-interests',
  ],
};
