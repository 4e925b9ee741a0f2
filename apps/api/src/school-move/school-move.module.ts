import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RecordSchoolMoveHandler, TakeSchoolMoveStepHandler } from './school-move-commands';
import { SchoolMoveController } from './school-move.controller';

@Module({
  imports: [CqrsModule],
  controllers: [SchoolMoveController],
  providers: [RecordSchoolMoveHandler, TakeSchoolMoveStepHandler],
})
export class SchoolMoveModule {}
