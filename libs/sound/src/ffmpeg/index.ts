export * from './ffmpeg-binary';
export * from './ffmpeg-runner';
export * from './limiter';
