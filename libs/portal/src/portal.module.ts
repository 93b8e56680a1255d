import { Module } from '@nestjs/common';
import { PortalCache } from './portal-cache.service';
import { PortalRepository } from './portal.repository';
import { PortalService } from './portal.service';
import { VisitCounter } from './visit-counter.service';

@Module({
  providers: [PortalRepository, PortalService, VisitCounter, PortalCache],
  exports: [PortalService, VisitCounter, PortalCache],
})
export class PortalModule {}
