/** What tests of every layer build their histories from: the given/when/then shape and one set of examples per aggregate. */
export * from './given';
export * from './consent-examples';
export * from './referral-examples';
