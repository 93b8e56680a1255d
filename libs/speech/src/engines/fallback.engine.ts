import { SynthesisRequest, SynthesisResult, TtsEngine, TtsError } from './tts-engine';

export interface FallbackLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}

/**
 * The configured engine, and the offline one when it fails (after its own retries): a bulletin still
 * goes out without the internet. The result says which engine spoke and why the first did not.
 */
export class FallbackEngine implements TtsEngine {
  readonly name: TtsEngine['name'];

  constructor(
    readonly primary: TtsEngine,
    readonly fallback: TtsEngine,
    private readonly logger?: FallbackLogger,
  ) {
    this.name = primary.name;
  }

  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    try {
      return await this.primary.synthesize(request);
    } catch (err) {
      if (!(err instanceof TtsError)) {
        throw err; // a bug, not an outage: do not hide it behind the other voice
      }
      this.logger?.warn(
        { engine: this.primary.name, fallback: this.fallback.name, kind: err.kind, reason: err.message },
        'speech engine failed; the fallback speaks',
      );
      const result = await this.fallback.synthesize(request);
      return { ...result, fallback: { from: this.primary.name, reason: err.message, kind: err.kind } };
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.primary.close(), this.fallback.close()]);
  }
}
