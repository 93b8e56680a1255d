import { describe, expect, it } from '@jest/globals';
import { Deck } from './deck';

/** Enough of an <audio> element for the deck: its clock is moved by the test. */
class FakeAudio extends EventTarget {
  currentTime = 0;
  duration = NaN;
  paused = true;
  ended = false;
  src = '';
  load(): void {
    this.currentTime = 0;
  }
  removeAttribute(): void {
    this.src = '';
  }
  pause(): void {
    this.paused = true;
  }
  play(): Promise<void> {
    this.paused = false;
    this.dispatchEvent(new Event('playing'));
    return Promise.resolve();
  }
  /** Plays on for `seconds`, in steps of a quarter second as a browser reports them. */
  advance(seconds: number): void {
    for (let t = 0; t < seconds; t += 0.25) {
      this.currentTime += 0.25;
      this.dispatchEvent(new Event('timeupdate'));
    }
  }
}

function deck(byElement = true): { el: FakeAudio; deck: Deck } {
  const el = new FakeAudio();
  return {
    el,
    deck: new Deck(
      el as unknown as HTMLAudioElement,
      () => undefined,
      () => undefined,
      byElement,
    ),
  };
}

describe('Deck', () => {
  it('counts only the seconds that played: a pause adds nothing, a jump is not playing', async () => {
    const { el, deck: d } = deck();
    d.load('item', 'blob:x', 60);
    el.duration = 20;
    await el.play();
    el.advance(10);
    el.pause();
    el.dispatchEvent(new Event('pause'));
    await el.play();
    el.currentTime += 8; // a seek, not playback
    el.dispatchEvent(new Event('timeupdate'));
    el.advance(2);
    expect(d.playedSeconds).toBeCloseTo(12, 5);
    const take = d.take();
    expect(take?.playedSeconds).toBeLessThanOrEqual(12);
    // 12 of the file's 20 seconds: under 90 %.
    expect(take?.status).toBe('partial');
    expect(d.itemId).toBeNull();
  });

  it('is aired at 90 % of the file’s own length, and records nothing when it never started', async () => {
    const { el, deck: d } = deck();
    d.load('item', 'blob:x', 3);
    expect(d.take()).toBeNull();
    d.load('item', 'blob:x', 3);
    el.duration = 2.5;
    await el.play();
    el.advance(2.25);
    const take = d.take();
    expect(take?.status).toBe('aired');
    expect(take?.startedAt.getTime()).toBeLessThanOrEqual(take!.endedAt.getTime());
  });

  it('measures a relay against the slot, whatever length the stream reports', async () => {
    const { el, deck: d } = deck(false);
    d.load('relay', 'http://stream', 30 * 60);
    el.duration = 20;
    await el.play();
    el.advance(20);
    expect(d.take()?.status).toBe('partial');
  });
});
