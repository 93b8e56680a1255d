import { EspeakEngine, ESPEAK_VOICES } from './espeak.engine';
import { TtsError } from './tts-engine';
import { parseWav, wavSeconds } from '@app/sound';

const TEXT = 'Ủy ban nhân dân phường thông báo lịch tiếp công dân tháng mười hai tại bộ phận một cửa.';

describe('EspeakEngine (npm espeak-ng, WASM, in a worker thread)', () => {
  const engine = new EspeakEngine();
  afterAll(() => engine.close());

  it.each(ESPEAK_VOICES)('speaks Vietnamese with voice %s: a mono 22,050 Hz PCM WAV', async (voice) => {
    const result = await engine.synthesize({ text: TEXT, voice });
    expect(result).toMatchObject({ engine: 'espeak', voice, speakingRate: 1, requests: 1 });
    expect(parseWav(result.wav)).toMatchObject({ sampleRate: 22050, channels: 1, bitsPerSample: 16 });
    expect(wavSeconds(result.wav)).toBeGreaterThan(3);
    expect(wavSeconds(result.wav)).toBeLessThan(15);
  });

  it('maps speakingRate to words per minute: faster is shorter', async () => {
    const normal = wavSeconds((await engine.synthesize({ text: TEXT })).wav);
    const fast = wavSeconds((await engine.synthesize({ text: TEXT, speakingRate: 1.5 })).wav);
    expect(fast).toBeLessThan(normal * 0.8);
  });

  it('uses its default voice for a Google voice name, and reads a leading bullet as text', async () => {
    const result = await engine.synthesize({
      text: '- Tuyên truyền cải cách hành chính',
      voice: 'vi-VN-Wavenet-A',
    });
    expect(result.voice).toBe('vi');
    expect(wavSeconds(result.wav)).toBeGreaterThan(1);
  });

  it('serves concurrent requests from one worker, each with its own audio', async () => {
    const [a, b] = await Promise.all([
      engine.synthesize({ text: 'Một.' }),
      engine.synthesize({ text: `${TEXT} ${TEXT}` }),
    ]);
    expect(wavSeconds(b.wav)).toBeGreaterThan(wavSeconds(a.wav) * 3);
  });

  it('refuses empty text and a rate out of range', async () => {
    await expect(engine.synthesize({ text: '  \n ' })).rejects.toThrow(TtsError);
    await expect(engine.synthesize({ text: TEXT, speakingRate: 3 })).rejects.toThrow(/Tốc độ đọc/);
  });

  it('starts again after close', async () => {
    const other = new EspeakEngine();
    await other.synthesize({ text: 'Một.' });
    await other.close();
    await expect(other.synthesize({ text: 'Hai.' })).resolves.toMatchObject({ engine: 'espeak' });
    await other.close();
  });
});
