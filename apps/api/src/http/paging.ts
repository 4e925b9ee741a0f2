import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { Request, Response } from 'express';
import { keyFits, type KeysetList, type Page, type PageKey, type PageRequest } from '@app/projections';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/** `?limit=&cursor=` of a long list: the page's size, and where it starts (the `next` link of the page before). */
export class PageQuery {
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  /** Opaque: taken from the `Link: <…>; rel="next"` header of the previous page. */
  @ApiPropertyOptional({ type: String })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,1000}$/, { message: 'cursor must be the cursor of a next link of this list' })
  cursor?: string;
}

export const cursorOf = (key: PageKey): string => Buffer.from(JSON.stringify(key)).toString('base64url');

const badCursor = () =>
  new BadRequestException({
    error: 'Bad Request',
    field: 'cursor',
    rule: 'cursor',
    message: 'cursor must be the cursor of a next link of this list',
  });

function decode(list: KeysetList, cursor: string): PageKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(key) || !key.every((v): v is string => typeof v === 'string') || !keyFits(list, key))
    throw badCursor();
  return key;
}

export const pageRequestOf = (list: KeysetList, query: PageQuery, withoutChildren: readonly string[]): PageRequest => ({
  limit: query.limit ?? DEFAULT_PAGE_SIZE,
  after: query.cursor === undefined ? undefined : decode(list, query.cursor),
  withoutChildren,
});

/**
 * Paging travels in headers so the body stays the list it always was: `X-Total-Count` the
 * list's length, `Link: <same path, same query, next cursor>; rel="next"` while rows follow.
 */
export function sendPage<T>(request: Request, response: Response, page: Page<T>): T[] {
  response.setHeader('X-Total-Count', String(page.total));
  if (page.next) {
    const url = new URL(request.originalUrl, 'http://list.invalid');
    url.searchParams.set('cursor', cursorOf(page.next));
    response.setHeader('Link', `<${url.pathname}${url.search}>; rel="next"`);
  }
  return page.rows;
}
