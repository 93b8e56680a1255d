/** The console's rule (libs/broadcast AIRED_SHARE): at least this share played is `aired`, less `partial`. */
export const AIRED_SHARE = 0.9;

/** What one play of an item was, to become an airing record. */
export interface Take {
  startedAt: Date;
  endedAt: Date;
  /** Seconds the audio actually played (pauses and stalls not counted). */
  playedSeconds: number;
  status: 'aired' | 'partial';
}

/**
 * One <audio> element and the play of one item on it: when it first started, and how many seconds of it
 * actually played, counted from the element's own clock (a pause, a stall or a buffering wait adds nothing).
 */
export class Deck {
  itemId: string | null = null;
  startedAt: Date | null = null;
  private played = 0;
  private last = 0;
  /** Seconds the item should last (the plan's), when the element cannot tell (a live relay). */
  private plannedSec = 0;

  /**
   * `byElement`: the share is measured against the file's own length (a programme); false for a relay,
   * measured against the plan's slot length whatever the stream says.
   */
  constructor(
    readonly el: HTMLAudioElement,
    private readonly changed: () => void,
    private readonly ended: (deck: Deck) => void,
    private readonly byElement = true,
  ) {
    el.addEventListener('playing', () => {
      this.startedAt ??= new Date();
      this.last = el.currentTime;
      changed();
    });
    el.addEventListener('timeupdate', () => {
      this.count();
      changed();
    });
    el.addEventListener('pause', () => {
      this.count();
      changed();
    });
    el.addEventListener('ended', () => {
      this.count();
      changed();
      this.ended(this);
    });
    el.addEventListener('error', changed);
    el.addEventListener('loadedmetadata', changed);
  }

  private count(): void {
    const now = this.el.currentTime;
    const delta = now - this.last;
    // Forward steps of normal playback only; a seek or a reload of the source is not played time.
    if (delta > 0 && delta < 3) {
      this.played += delta;
    }
    this.last = now;
  }

  load(itemId: string, src: string, plannedSec: number): void {
    this.itemId = itemId;
    this.startedAt = null;
    this.played = 0;
    this.last = 0;
    this.plannedSec = plannedSec;
    this.el.src = src;
    this.el.load();
    this.changed();
  }

  /** Swaps the source for the same item (the kept copy arrived), at the same place. */
  swapSource(src: string): void {
    if (this.startedAt || this.el.src === src) {
      return;
    }
    this.el.src = src;
    this.el.load();
  }

  get playing(): boolean {
    return !this.el.paused && !this.el.ended;
  }

  get playedSeconds(): number {
    return this.played;
  }

  /** The element's duration when it knows one, else the plan's. */
  get durationSec(): number {
    const d = this.el.duration;
    return Number.isFinite(d) && d > 0 ? d : this.plannedSec;
  }

  /** Ends the play of the current item: what it was (null when it never started); the deck is then empty. */
  take(): Take | null {
    this.count();
    if (!this.el.paused) {
      this.el.pause();
    }
    const startedAt = this.startedAt;
    const played = this.played;
    const duration = this.byElement ? this.durationSec : this.plannedSec;
    this.itemId = null;
    this.startedAt = null;
    this.played = 0;
    this.last = 0;
    this.el.removeAttribute('src');
    this.el.load();
    this.changed();
    if (!startedAt) {
      return null;
    }
    const endedAt = new Date(Math.max(Date.now(), startedAt.getTime()));
    // Never more than the wall clock allows (the api checks playedSeconds against the times).
    const playedSeconds = Math.min(
      Math.round(played),
      Math.floor((endedAt.getTime() - startedAt.getTime()) / 1000) + 1,
    );
    return {
      startedAt,
      endedAt,
      playedSeconds,
      status: duration > 0 && played >= AIRED_SHARE * duration ? 'aired' : 'partial',
    };
  }
}

/**
 * A level meter on the element's sound: the elements are routed through one AnalyserNode to the
 * speakers (the station PC's output feeds the amplifier). Only same-origin sources may go through it (a
 * cross-origin stream without CORS would come out silent), so relays are not metered.
 */
export class Meter {
  private context: AudioContext | null = null;
  private analyser: AnalyserNode | null = null;
  private readonly sources = new WeakSet<HTMLMediaElement>();

  /** Called from a click (browsers start audio contexts only after a gesture). */
  attach(el: HTMLMediaElement): void {
    try {
      if (!this.context) {
        this.context = new AudioContext();
        this.analyser = this.context.createAnalyser();
        this.analyser.fftSize = 1024;
        this.analyser.connect(this.context.destination);
      }
      if (this.context.state === 'suspended') {
        void this.context.resume();
      }
      if (!this.sources.has(el)) {
        this.context.createMediaElementSource(el).connect(this.analyser!);
        this.sources.add(el);
      }
    } catch {
      // No Web Audio: the element plays straight to the speakers, without a meter.
    }
  }

  /** Peak level 0…1 of the last few milliseconds. */
  level(): number {
    if (!this.analyser) {
      return 0;
    }
    const data = new Float32Array(this.analyser.fftSize);
    this.analyser.getFloatTimeDomainData(data);
    let peak = 0;
    for (const v of data) {
      peak = Math.max(peak, Math.abs(v));
    }
    return Math.min(1, peak);
  }
}
