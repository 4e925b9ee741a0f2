import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { StartCafHandler, TakeCafStepHandler } from './caf-commands';
import { CafController } from './caf.controller';

@Module({
  imports: [CqrsModule],
  controllers: [CafController],
  providers: [StartCafHandler, TakeCafStepHandler],
})
export class CafModule {}
