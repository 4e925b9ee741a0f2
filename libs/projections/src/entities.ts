import { ChildRecord } from './children/child-record.entity';

/** Every read-model entity, one line per read model. */
export const projectionEntities = [ChildRecord];
