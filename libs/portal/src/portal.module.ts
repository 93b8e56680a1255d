import { Module } from '@nestjs/common';
import { PortalRepository } from './portal.repository';
import { PortalService } from './portal.service';
import { VisitCounter } from './visit-counter.service';

@Module({
  providers: [PortalRepository, PortalService, VisitCounter],
  exports: [PortalService, VisitCounter],
})
export class PortalModule {}
