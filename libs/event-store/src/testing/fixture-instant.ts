/** When test fixtures say their events happened: one fixed instant, never the day a suite runs (ADR 009). */
export const fixtureInstant = new Date('2026-12-01T12:00:00.000Z');
