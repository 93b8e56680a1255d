describe('sharedFfmpegRunner', () => {
  it('is one runner per process and refuses to be configured twice differently', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { sharedFfmpegRunner } = require('./ffmpeg-runner') as typeof import('./ffmpeg-runner');
      const first = sharedFfmpegRunner({ ffmpegPath: '/opt/ffmpeg', concurrency: 2 });
      expect(sharedFfmpegRunner()).toBe(first);
      expect(sharedFfmpegRunner({ concurrency: 2 })).toBe(first);
      expect(first.binary).toEqual({ path: '/opt/ffmpeg', source: 'FFMPEG_PATH' });
      expect(() => sharedFfmpegRunner({ concurrency: 3 })).toThrow(/already uses \/opt\/ffmpeg/);
    });
  });
});
