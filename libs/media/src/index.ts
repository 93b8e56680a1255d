export * from './media-storage';
export * from './images.service';
export * from './files.service';
export * from './office-files';
export { attachmentDisposition, checkDownloadName, DOWNLOAD_NAME_MAX } from './download-name';
export { MediaModule } from './media.module';
export { registerMediaRoutes } from './media-routes';
