import { BadRequestException } from '@nestjs/common';

/**
 * Stream revisions travel as strong ETags ("3"); clients send them back in If-Match.
 * Absent If-Match: the write is checked against the stream as it is when loaded.
 */
export const etagOf = (revision: bigint | string): string => `"${revision.toString()}"`;

export function revisionFromIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^"?(\d{1,18})"?$/.exec(header.trim());
  if (!match) {
    throw new BadRequestException({
      error: 'Bad Request',
      field: 'If-Match',
      rule: 'etag',
      message: 'If-Match must be the ETag you read, e.g. "3"',
    });
  }
  return BigInt(match[1]);
}
