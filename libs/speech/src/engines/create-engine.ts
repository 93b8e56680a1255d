import type { AppConfig } from '@app/common';
import { EspeakEngine } from './espeak.engine';
import { FallbackEngine, FallbackLogger } from './fallback.engine';
import { GoogleEngine } from './google.engine';
import { TtsEngine } from './tts-engine';

export type SpeechConfig = Pick<
  AppConfig,
  | 'ttsProvider'
  | 'ttsFallback'
  | 'googleTtsEndpoint'
  | 'googleTtsInsecure'
  | 'googleTtsVoice'
  | 'googleTtsTransport'
  | 'googleTtsMaxAttempts'
>;

export function createGoogleEngine(config: SpeechConfig): GoogleEngine {
  return new GoogleEngine({
    voice: config.googleTtsVoice,
    endpoint: config.googleTtsEndpoint,
    insecure: config.googleTtsInsecure,
    transport: config.googleTtsTransport,
    retry: { maxAttempts: config.googleTtsMaxAttempts },
  });
}

/** The engine the configuration asks for: espeak, or Google with (by default) espeak behind it. */
export function createTtsEngine(config: SpeechConfig, logger?: FallbackLogger): TtsEngine {
  switch (config.ttsProvider) {
    case 'espeak':
      return new EspeakEngine();
    case 'google': {
      const google = createGoogleEngine(config);
      return config.ttsFallback === 'espeak'
        ? new FallbackEngine(google, new EspeakEngine(), logger)
        : google;
    }
  }
}
