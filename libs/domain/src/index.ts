export * from './shared';
export * from './catalogue';
export * as child from './child';
export * as consent from './consent';
export * as referral from './referral';
export * as mastRequest from './mast-request';
export * as mastPanel from './mast-panel';
export * as caf from './caf';
export * as socialCareCase from './social-care-case';
