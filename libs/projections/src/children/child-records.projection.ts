import type { EntityManager } from 'typeorm';
import type { ChildDetails } from '@app/domain/child/events';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, erasedChild } from '../erasure/forget';
import { ChildRecord } from './child-record.entity';

type Changes = Partial<ChildDetails>;

const personalColumns = (data: Changes, erased: readonly string[]) => {
  const pick = <K extends keyof ChildDetails>(key: K) => (erased.includes(key) ? { [key]: null } : key in data ? { [key]: data[key] ?? null } : {});
  return { ...pick('givenName'), ...pick('familyName'), ...pick('dateOfBirth'), ...pick('upn') };
};

export const childRecordsProjection: Projection = {
  name: 'child-records',
  eventTypes: ['ChildRegistered', 'ChildDetailsCorrected', 'SchoolMoveRecorded', CHILD_RECORD_ERASED],
  tables: ['child_records'],
  perChild: true,

  async apply(event: RecordedEvent, manager: EntityManager) {
    if (event.type === CHILD_RECORD_ERASED) {
      // The revision stays: it is the child stream's, which If-Match is checked against.
      await manager.getRepository(ChildRecord).update({ childId: erasedChild(event) }, { givenName: null, familyName: null, dateOfBirth: null, upn: null, erased: true, updatedAt: event.occurredAt });
      return;
    }
    const data = event.data as Changes & { childId: string };
    const erased = event.erasedFields ?? [];
    const repository = manager.getRepository(ChildRecord);
    const common = { revision: event.revision.toString(), updatedAt: event.occurredAt, erased: erased.length > 0 };
    if (event.type === 'ChildRegistered') {
      await repository.upsert(
        {
          childId: data.childId,
          ...personalColumns(data, erased),
          schoolId: data.schoolId,
          yearGroup: data.yearGroup,
          flags: [...(data.flags ?? [])],
          registeredAt: event.occurredAt,
          ...common,
        },
        ['childId'],
      );
      return;
    }
    // A school move carries the new school, not the record's fields: the pupil record moves with it.
    if (event.type === 'SchoolMoveRecorded') {
      await repository.update({ childId: data.childId }, { schoolId: (event.data as { toSchoolId: string }).toSchoolId, revision: common.revision, updatedAt: event.occurredAt });
      return;
    }
    const { schoolId, yearGroup, flags } = data;
    await repository.update(
      { childId: data.childId },
      {
        ...personalColumns(data, erased),
        ...(schoolId !== undefined ? { schoolId } : {}),
        ...(yearGroup !== undefined ? { yearGroup } : {}),
        ...(flags !== undefined ? { flags: [...flags] } : {}),
        ...common,
      },
    );
  },
};
