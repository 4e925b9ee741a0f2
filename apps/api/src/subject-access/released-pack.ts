import { NotFoundException } from '@nestjs/common';
import { subjectAccessStream } from '@app/domain';
import type { Decisions } from '../http/decisions';
import type { SubjectAccessReport } from '../sharing/subject-access-report';

/**
 * The pack as it was released to the requester, read from the log where it is sealed with
 * the child's data key: no read model holds it. 404 naming why there is none.
 */
export async function releasedPack(decisions: Decisions, requestId: string): Promise<SubjectAccessReport> {
  const history = await decisions.history(subjectAccessStream(requestId));
  if (history.length === 0)
    throw new NotFoundException({ message: `No subject-access request ${requestId}`, field: 'requestId' });
  const released = history.find((e) => e.type === 'SubjectAccessResponseReleased');
  if (!released)
    throw new NotFoundException({
      message: 'The request is not answered yet: no pack has been released',
      field: 'requestId',
    });
  const pack = released.data.pack as SubjectAccessReport | undefined;
  if (!pack)
    throw new NotFoundException({ message: "The pack was erased with the child's data key", field: 'requestId' });
  return pack;
}
