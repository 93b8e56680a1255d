export { PortalModule } from './portal.module';
export { PortalService } from './portal.service';
export { VisitCounter } from './visit-counter.service';
export { PortalCache } from './portal-cache.service';
export { PortalHosts } from './portal-hosts.service';
export { PortalVisit } from './visit.entity';
export { portalFastPath, portalFrameworkErrors, registerPortalRoutes } from './portal.routes';
