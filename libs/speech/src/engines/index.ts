export * from './tts-engine';
export * from './text-chunks';
export * from './google-errors';
export * from './espeak.engine';
export * from './google.engine';
export * from './fallback.engine';
export * from './create-engine';
