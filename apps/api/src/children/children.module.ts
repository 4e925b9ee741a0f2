import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CorrectChildDetailsHandler, RegisterChildHandler } from './child-commands';
import { GetChildRecordHandler } from './child-queries';
import { ChildrenController } from './children.controller';
import { SharingModule } from '../sharing/sharing.module';

@Module({
  imports: [CqrsModule, SharingModule],
  controllers: [ChildrenController],
  providers: [RegisterChildHandler, CorrectChildDetailsHandler, GetChildRecordHandler],
})
export class ChildrenModule {}
