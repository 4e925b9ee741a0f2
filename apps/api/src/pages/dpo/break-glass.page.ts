import { Body, Controller, Get, NotFoundException, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Directory } from '@app/access';
import { administrationPolicies } from '@app/access';
import { RestrictedRecords } from '@app/access';
import { Policy } from '../../access/policy.decorator';
import { ReviewNote } from '../../access/restriction.controller';
import { Requester, type RequestContext } from '../../http/request-context';
import { stepBody } from '../../http/steps';
import { directoryNames } from '../directory-names';
import { type FormRequest, formPage } from '../error-pages';
import { Page } from '../page.decorator';

/** Restricted records opened in an emergency, each waiting for the dpo's note (as `/audit/break-glass`). */
@Page()
@Controller('app/dpo/break-glass')
export class BreakGlassPage {
  constructor(
    private readonly restricted: RestrictedRecords,
    private readonly directory: Directory,
  ) {}

  @Get()
  @Policy(administrationPolicies.reviewBreakGlass)
  @Render('dpo/break-glass')
  async queue() {
    return this.model();
  }

  @Post(':id/review')
  @Policy(administrationPolicies.reviewBreakGlass)
  async review(
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Requester() { actor }: RequestContext,
    @Req() req: FormRequest,
    @Res() res: Response,
  ) {
    formPage(req, 'dpo/break-glass', { ...(await this.model()), reviewing: id });
    const { note } = (await stepBody({ body: ReviewNote }, { note: form.note })) as { note: string };
    if (!/^\d+$/.test(id) || !(await this.restricted.review(id, actor, note))) {
      throw new NotFoundException({ message: `No break-glass opening ${id} awaiting review`, field: 'id' });
    }
    res.redirect(303, '/app/dpo/break-glass?reviewed=1');
  }

  private async model() {
    return {
      title: 'Break-glass reviews',
      openings: await this.restricted.awaitingReview(),
      names: await directoryNames(this.directory),
    };
  }
}
