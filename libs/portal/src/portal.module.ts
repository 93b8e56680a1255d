import { Module } from '@nestjs/common';
import { PortalCache } from './portal-cache.service';
import { PortalHosts } from './portal-hosts.service';
import { PortalRepository } from './portal.repository';
import { PortalService } from './portal.service';
import { VisitCounter } from './visit-counter.service';

@Module({
  providers: [PortalRepository, PortalService, VisitCounter, PortalCache, PortalHosts],
  exports: [PortalService, VisitCounter, PortalCache, PortalHosts],
})
export class PortalModule {}
