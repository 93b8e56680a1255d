export * from './media-storage';
export * from './images.service';
export * from './files.service';
export * from './office-files';
export { checkDownloadName, attachmentDisposition } from './download-name';
export { MediaModule } from './media.module';
export { registerMediaRoutes } from './media-routes';
