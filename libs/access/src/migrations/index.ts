import { CreateAccess1764000000000 } from './1764000000000-create-access';
import { CreateRestrictedRecords1764000000100 } from './1764000000100-create-restricted-records';
import { CreateSecurityLog1764000000200 } from './1764000000200-create-security-log';

export const accessMigrations = [CreateAccess1764000000000, CreateRestrictedRecords1764000000100, CreateSecurityLog1764000000200];
