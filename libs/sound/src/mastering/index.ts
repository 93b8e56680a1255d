export * from './audio-mastering';
export * from './ffmpeg-output';
