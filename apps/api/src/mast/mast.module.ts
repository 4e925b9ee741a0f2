import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RecordPanelDecisionHandler, TakePanelStepHandler } from './mast-panel-commands';
import { MastPanelsController } from './mast-panels.controller';
import { MakeMastRequestHandler, TakeMastRequestStepHandler } from './mast-request-commands';
import { MastRequestsController } from './mast-requests.controller';
import { MastViewsController } from './mast-views.controller';

@Module({
  imports: [CqrsModule],
  controllers: [MastRequestsController, MastPanelsController, MastViewsController],
  providers: [MakeMastRequestHandler, TakeMastRequestStepHandler, TakePanelStepHandler, RecordPanelDecisionHandler],
})
export class MastModule {}
