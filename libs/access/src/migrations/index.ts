import { CreateAccess1764000000000 } from './1764000000000-create-access';

export const accessMigrations = [CreateAccess1764000000000];
