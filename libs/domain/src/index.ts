export * from './shared';
export * from './catalogue';
export * as child from './child';
export * as consent from './consent';
export * as referral from './referral';
export * as socialCareCase from './social-care-case';
