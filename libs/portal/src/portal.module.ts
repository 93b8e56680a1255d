import { Module } from '@nestjs/common';
import { UnitsModule } from '@app/units';
import { PortalCache } from './portal-cache.service';
import { PreviewController } from './preview.controller';
import { PortalHosts } from './portal-hosts.service';
import { PortalRadioRepository, PortalRepository } from './portal.repository';
import { PortalService } from './portal.service';
import { VisitCounter } from './visit-counter.service';

@Module({
  imports: [UnitsModule],
  controllers: [PreviewController],
  providers: [PortalRepository, PortalRadioRepository, PortalService, VisitCounter, PortalCache, PortalHosts],
  exports: [PortalService, VisitCounter, PortalCache, PortalHosts],
})
export class PortalModule {}
