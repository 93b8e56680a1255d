/// <reference types="jest" />
import {
  downloadName,
  downloadUrl,
  durationWords,
  fileExtension,
  loudnessVerdict,
  sizeWords,
  voiceChoices,
  voiceWords,
} from './audio-words';

describe('audio in plain words', () => {
  it.each([
    [null, ''],
    [0, '0 giây'],
    [200, 'dưới 1 giây'],
    [5_000, '5 giây'],
    [59_600, '1 phút 00 giây'],
    [125_000, '2 phút 05 giây'],
    [3_600_000 + 125_000, '1 giờ 02 phút 05 giây'],
  ])('duration %p ms is "%s"', (ms, words) => {
    expect(durationWords(ms)).toBe(words);
  });

  it.each([
    [-16.0, -16, 'đạt chuẩn'],
    [-17.0, -16, 'đạt chuẩn'],
    [-14.96, -16, 'đạt chuẩn'],
    [-17.2, -16, 'hơi nhỏ'],
    [-14.8, -16, 'hơi to'],
    [-19.5, -16, 'quá nhỏ'],
    [-12.5, -16, 'quá to'],
    // The unit's own target counts, not -16: -23 is right for a unit mastered to EBU R128.
    [-23.1, -23, 'đạt chuẩn'],
    [-16.0, -23, 'quá to'],
  ])('loudness %p LUFS against %p is "%s"', (lufs, target, words) => {
    expect(loudnessVerdict(lufs, target)?.words).toBe(words);
  });

  it('judges against -16 LUFS when the audio has no target, and says nothing when unmeasured', () => {
    expect(loudnessVerdict(-16.4, null)).toEqual({ verdict: 'ok', words: 'đạt chuẩn' });
    expect(loudnessVerdict(-18, undefined)?.verdict).toBe('quiet');
    expect(loudnessVerdict(null, -16)).toBeNull();
  });

  it.each([
    ['espeak', 'vi', 'máy (ngoại tuyến), giọng miền Bắc'],
    ['espeak', 'vi-vn-x-central', 'máy (ngoại tuyến), giọng miền Trung'],
    ['espeak', 'vi-VN-x-south', 'máy (ngoại tuyến), giọng miền Nam'],
    ['espeak', null, 'máy (ngoại tuyến)'],
    ['google', 'vi-VN-Wavenet-A', 'máy Google, giọng nữ'],
    ['google', 'vi-VN-Standard-B', 'máy Google, giọng nam'],
    ['google', 'vi-VN-Wavenet-C', 'máy Google, giọng nữ'],
    ['google', 'vi-VN-Neural2-D', 'máy Google, giọng nam'],
    ['google', 'vi-VN-Chirp3-HD-Kore', 'máy Google'],
    ['upload', null, 'tệp tải lên'],
  ])('%s with voice %p is "%s"', (provider, voice, words) => {
    expect(voiceWords(provider, voice)).toBe(words);
  });

  it.each([
    [999, '999 byte'],
    [2048, '2 KB'],
    [1_300_000, '1,2 MB'],
  ])('%p bytes is "%s"', (bytes, words) => {
    expect(sizeWords(bytes)).toBe(words);
  });

  it('names a download by the title, the day in Vietnam and the file’s own extension', () => {
    const url = `/media/audio/${'a'.repeat(64)}.mp3`;
    // 17:30 UTC on 1 Dec is 00:30 on 2 Dec in Hà Nội.
    expect(downloadName('Họp dân về đường liên thôn', '2026-12-01T17:30:00Z', url)).toBe(
      'hop-dan-ve-duong-lien-thon-02-12-2026.mp3',
    );
    expect(downloadName('Đ/c Trưởng thôn: “Loa” số 2!', '2026-01-05T03:00:00Z', url)).toBe(
      'd-c-truong-thon-loa-so-2-05-01-2026.mp3',
    );
    expect(downloadName('!!!', null, '/media/jingles/x.WAV')).toBe('ban-tin.wav');
    const long = downloadName('Thông báo '.repeat(40), '2026-12-02T00:00:00Z', url);
    expect(long.length).toBeLessThanOrEqual(80 + '-02-12-2026.mp3'.length);
    expect(long).toMatch(/^[a-z0-9-]+[a-z0-9]-02-12-2026\.mp3$/);
  });

  it('finds the extension and adds the download name to the file address', () => {
    expect(fileExtension('/media/audio/x.mp3?v=1')).toBe('.mp3');
    expect(fileExtension('/media/audio/x')).toBe('.mp3');
    expect(downloadUrl('/media/audio/x.mp3', 'hop-dan.mp3')).toBe('/media/audio/x.mp3?download=hop-dan.mp3');
    expect(downloadUrl('/media/a.mp3?v=1', 'a b.mp3')).toBe('/media/a.mp3?v=1&download=a%20b.mp3');
  });
});

describe('voice choices', () => {
  it('names eSpeak voices by accent and Google voices by gender and name', () => {
    expect(voiceChoices({ provider: 'espeak', defaultVoice: 'vi', voices: ['vi', 'vi-vn-x-south'] })).toEqual(
      [
        { value: '', label: 'Mặc định — Giọng miền Bắc' },
        { value: 'vi', label: 'Giọng miền Bắc' },
        { value: 'vi-vn-x-south', label: 'Giọng miền Nam' },
      ],
    );
    expect(
      voiceChoices({
        provider: 'google',
        defaultVoice: 'vi-VN-Wavenet-A',
        voices: ['vi-VN-Standard-D', 'vi-VN-Chirp3-HD-Kore'],
      }),
    ).toEqual([
      { value: '', label: 'Mặc định — Giọng nữ (vi-VN-Wavenet-A)' },
      { value: 'vi-VN-Standard-D', label: 'Giọng nam (vi-VN-Standard-D)' },
      { value: 'vi-VN-Chirp3-HD-Kore', label: 'vi-VN-Chirp3-HD-Kore' },
    ]);
  });
});
