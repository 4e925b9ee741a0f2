import { ForbiddenException } from '@nestjs/common';

/** The one answer to a restricted record the reader is not named on, wherever it is met. */
export const restrictedRecordRefusal = (childId: string) =>
  new ForbiddenException({
    error: 'Forbidden',
    rule: 'access.restricted-record',
    message: `This record is restricted. If you have a legitimate need, open it with POST /children/${childId}/break-glass stating your reason: it is logged and reviewed`,
  });
