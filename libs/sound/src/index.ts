// Sound: what is done to audio once it exists (libs/speech turns words into voice; this lib does the rest):
// the ffmpeg binary and its bounded runner, probing uploads, loudness mastering, jingles, WAV handling.
export * from './wav';
export * from './ffmpeg';
export * from './mastering';
