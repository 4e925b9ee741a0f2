export * from './directory/roles';
export * from './directory/directory';
export * from './identity/local-issuer';
export * from './identity/token-verifier';
export * from './audit/access-log';
export * from './policy/policy';
