import { FfmpegError, FfmpegRunner } from './ffmpeg-runner';

describe('FfmpegRunner (real ffmpeg)', () => {
  it('runs at most `concurrency` ffmpeg processes at once and returns their stderr', async () => {
    const runner = new FfmpegRunner({ concurrency: 1 });
    const seen: number[] = [];
    const tone = () =>
      runner
        .command()
        .input('sine=frequency=440:duration=2')
        .inputOptions(['-f', 'lavfi'])
        .audioFilters('ebur128=framelog=verbose')
        .format('null')
        .output('-')
        .on('start', () => seen.push(runner.limiter.active));
    const runs = [tone(), tone(), tone()].map((c) => runner.run(c, 'thử'));
    expect(runner.limiter.pending).toBe(2);
    const outputs = await Promise.all(runs);
    expect(seen).toEqual([1, 1, 1]);
    expect(outputs.every((stderr) => /Integrated loudness/.test(stderr))).toBe(true);
    expect(runner.limiter.active).toBe(0);
  });

  it('fails with ffmpeg own words about what went wrong', async () => {
    const runner = new FfmpegRunner({ concurrency: 1 });
    const failing = runner.run(
      runner.command().input('/nonexistent/input.wav').format('null').output('-'),
      'thử',
    );
    await expect(failing).rejects.toBeInstanceOf(FfmpegError);
    await expect(failing).rejects.toMatchObject({
      stderr: expect.stringMatching(/No such file or directory/),
    });
    await expect(failing).rejects.toThrow(/^ffmpeg lỗi khi thử/);
  });
});
