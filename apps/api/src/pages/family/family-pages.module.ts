import { Module } from '@nestjs/common';
import { FamilyModule } from '../../family/family.module';
import { FamilyPages } from './family.pages';

/** The family's pages: their children, the family-held CAF, their consents (and withdrawing one), what was shared. */
@Module({
  imports: [FamilyModule],
  controllers: [FamilyPages],
})
export class FamilyPagesModule {}
