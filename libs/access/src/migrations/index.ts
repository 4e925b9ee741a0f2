import { CreateAccess1764000000000 } from './1764000000000-create-access';
import { CreateRestrictedRecords1764000000100 } from './1764000000100-create-restricted-records';
import { IndexChildrenNamedByLists1764000000200 } from './1764000000200-index-children-named-by-lists';
import { SchoolStaffRoles1764000000300 } from './1764000000300-school-staff-roles';
import { CreateSecurityLog1764000000400 } from './1764000000400-create-security-log';
import { AnchorTheChain1764000000500 } from './1764000000500-anchor-the-chain';
import { CreateWebSessions1765500000000 } from './1765500000000-create-web-sessions';

export const accessMigrations = [
  CreateAccess1764000000000,
  CreateRestrictedRecords1764000000100,
  IndexChildrenNamedByLists1764000000200,
  SchoolStaffRoles1764000000300,
  CreateSecurityLog1764000000400,
  AnchorTheChain1764000000500,
  CreateWebSessions1765500000000,
];
