import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CorrectChildDetailsHandler, RegisterChildHandler } from './child-commands';
import { GetChildRecordHandler } from './child-queries';
import { ChildrenController } from './children.controller';

@Module({
  imports: [CqrsModule],
  controllers: [ChildrenController],
  providers: [RegisterChildHandler, CorrectChildDetailsHandler, GetChildRecordHandler],
})
export class ChildrenModule {}
