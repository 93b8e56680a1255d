import { espeakWordsPerMinute } from './espeak.engine';
import { FallbackEngine } from './fallback.engine';
import { SynthesisRequest, SynthesisResult, TtsEngine, TtsError } from './tts-engine';

class StubEngine implements TtsEngine {
  calls: SynthesisRequest[] = [];
  closed = false;
  constructor(
    readonly name: 'google' | 'espeak',
    private readonly outcome: Error | undefined,
  ) {}
  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    this.calls.push(request);
    if (this.outcome) {
      throw this.outcome;
    }
    return { wav: Buffer.from(this.name), engine: this.name, voice: 'v', speakingRate: 1, requests: 1 };
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

describe('FallbackEngine', () => {
  it('returns what the primary says when it works, with no fallback record', async () => {
    const engine = new FallbackEngine(
      new StubEngine('google', undefined),
      new StubEngine('espeak', undefined),
    );
    const result = await engine.synthesize({ text: 'xin chào' });
    expect(result.engine).toBe('google');
    expect(result.fallback).toBeUndefined();
  });

  it('lets the offline engine speak when the primary fails, recording which and why', async () => {
    const outage = new TtsError('Google không truy cập được', 'unavailable', true);
    const offline = new StubEngine('espeak', undefined);
    const warnings: unknown[] = [];
    const engine = new FallbackEngine(new StubEngine('google', outage), offline, {
      warn: (fields) => warnings.push(fields),
    });
    const result = await engine.synthesize({ text: 'xin chào', voice: 'vi-VN-Wavenet-A' });
    expect(result).toMatchObject({
      engine: 'espeak',
      fallback: { from: 'google', kind: 'unavailable', reason: 'Google không truy cập được' },
    });
    expect(offline.calls).toEqual([{ text: 'xin chào', voice: 'vi-VN-Wavenet-A' }]);
    expect(warnings).toHaveLength(1);
    await engine.close();
    expect(offline.closed).toBe(true);
  });

  it('does not hide a bug behind the other voice', async () => {
    const offline = new StubEngine('espeak', undefined);
    const engine = new FallbackEngine(new StubEngine('google', new TypeError('bug')), offline);
    await expect(engine.synthesize({ text: 'x' })).rejects.toThrow(TypeError);
    expect(offline.calls).toHaveLength(0);
  });
});

describe('espeakWordsPerMinute', () => {
  it('maps speakingRate around 150 words per minute within espeak limits', () => {
    expect(espeakWordsPerMinute(1)).toBe(150);
    expect(espeakWordsPerMinute(1.2)).toBe(180);
    expect(espeakWordsPerMinute(0.25)).toBe(80);
    expect(espeakWordsPerMinute(2)).toBe(300);
  });
});
