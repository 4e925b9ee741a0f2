import { CreateProjectionCheckpoints1763900000000 } from './1763900000000-create-projection-checkpoints';
import { CreateChildRecords1763900000100 } from './1763900000100-create-child-records';

export const projectionMigrations = [CreateProjectionCheckpoints1763900000000, CreateChildRecords1763900000100];
