import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MastListsPage } from './mast-lists.page';
import { MastNames } from './mast-names';
import { MastRequestPage } from './mast-request.page';
import { PanelModel } from './panel-model';
import { PanelPage } from './panel.page';

/** MAST's pages: the panel, its pack, deadlines, decisions, caseloads, the SENCo's request. */
@Module({
  imports: [CqrsModule],
  controllers: [PanelPage, MastListsPage, MastRequestPage],
  providers: [MastNames, PanelModel],
})
export class MastPagesModule {}
