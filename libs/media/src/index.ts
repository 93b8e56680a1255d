export * from './media-storage';
export * from './images.service';
export { MediaModule } from './media.module';
export { registerMediaRoutes } from './media-routes';
