import { useEffect, useRef } from 'react';
import type { Meter } from './deck';

/** The sound's peak level, -60…0 dBFS drawn as a bar (green, amber past -12 dB, red past -3 dB). */
export function LevelMeter({ meter, active }: { meter: Meter; active: boolean }) {
  const bar = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let frame = 0;
    let lastLabel = 0;
    const draw = (time: number): void => {
      const peak = active ? meter.level() : 0;
      const db = peak > 0 ? 20 * Math.log10(peak) : -Infinity;
      const share = Number.isFinite(db) ? Math.max(0, Math.min(1, (db + 60) / 60)) : 0;
      if (bar.current) {
        bar.current.style.width = `${share * 100}%`;
        bar.current.style.background = db > -3 ? '#cf1322' : db > -12 ? '#d48806' : '#389e0d';
      }
      // The spoken value changes a few times a second, not every frame.
      if (box.current && time - lastLabel > 250) {
        lastLabel = time;
        box.current.setAttribute('aria-valuenow', String(Math.round(share * 60 - 60)));
        box.current.dataset.level = share.toFixed(3);
      }
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [meter, active]);
  return (
    <div
      ref={box}
      role="meter"
      aria-label="Mức âm thanh (dBFS)"
      aria-valuemin={-60}
      aria-valuemax={0}
      aria-valuenow={-60}
      data-level="0"
      className="level-meter"
      style={{ height: 14, background: '#1f1f1f', borderRadius: 4, overflow: 'hidden' }}
    >
      <div
        ref={bar}
        style={{ width: 0, height: '100%', background: '#389e0d', transition: 'width 60ms linear' }}
      />
    </div>
  );
}
