import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RecordSubjectAccessRequestHandler, TakeSubjectAccessStepHandler } from './subject-access-commands';
import { SubjectAccessController } from './subject-access.controller';

@Module({
  imports: [CqrsModule],
  controllers: [SubjectAccessController],
  providers: [RecordSubjectAccessRequestHandler, TakeSubjectAccessStepHandler],
})
export class SubjectAccessModule {}
