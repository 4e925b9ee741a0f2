import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RaiseConcernHandler, TakeConcernStepHandler } from './concern-commands';
import { ConcernController } from './concern.controller';

@Module({
  imports: [CqrsModule],
  controllers: [ConcernController],
  providers: [RaiseConcernHandler, TakeConcernStepHandler],
})
export class ConcernModule {}
