/** Who did something: carried in every event's envelope and every audit entry. */
export interface Actor {
  readonly userId: string;
  readonly role: string;
  readonly agencyId: string;
}

/** The platform itself acting (inbound integration, scheduled expiry). */
export const systemActor = (component: string): Actor => ({
  userId: `system:${component}`,
  role: 'system',
  agencyId: 'platform',
});
