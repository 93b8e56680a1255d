import type { AiringInput, PlanItem, PlanSlot } from './broadcast-api';
import { Deck, Meter, type Take } from './deck';

export interface ConsoleItem extends PlanItem {
  slot: PlanSlot;
}

/** What the engine needs from the screen: read afresh at each decision. */
export interface EngineContext {
  stationId: string | null;
  items: ConsoleItem[];
  /** True when the item already has an airing (sent, waiting or from the api). */
  done: (item: ConsoleItem) => boolean;
  /** The local copy of a /media URL, else the URL itself. */
  src: (url: string) => string;
  /** Keeps an airing record (the outbox). */
  record: (body: AiringInput, itemId: string | null) => void;
}

export interface DeckView {
  itemId: string | null;
  playing: boolean;
  position: number;
  duration: number;
}

export interface EmergencyRun {
  audioId: string;
  title: string;
  /** The api already logged it (POST /stations/:id/emergency); else it is recorded when it ends. */
  logged: boolean;
}

export interface EngineSnapshot {
  /** The item the operator chose; null: the first one not yet done. */
  chosenId: string | null;
  main: DeckView;
  relay: DeckView;
  emergency: (DeckView & EmergencyRun) | null;
}

const IDLE: DeckView = { itemId: null, playing: false, position: 0, duration: 0 };

function view(deck: Deck | undefined): DeckView {
  if (!deck) {
    return IDLE;
  }
  return {
    itemId: deck.itemId,
    playing: deck.playing,
    position: deck.el.currentTime || 0,
    duration: deck.durationSec,
  };
}

type DeckName = 'main' | 'relay' | 'emergency';

/**
 * The console's players, outside React: three <audio> elements (the plan's files, the relay stream, an
 * emergency notice), which item each holds, and the airing each play becomes. The screen reads
 * `snapshot()` through useSyncExternalStore and calls the actions from its buttons.
 */
export class ConsoleEngine {
  readonly meter = new Meter();
  private readonly decks: Partial<Record<DeckName, Deck>> = {};
  private ctx: EngineContext = {
    stationId: null,
    items: [],
    done: () => false,
    src: (url) => url,
    record: () => undefined,
  };
  private chosenId: string | null = null;
  private run: EmergencyRun | null = null;
  private snap: EngineSnapshot = { chosenId: null, main: IDLE, relay: IDLE, emergency: null };
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): EngineSnapshot => this.snap;

  private changed = (): void => {
    const emergency = this.decks.emergency;
    this.snap = {
      chosenId: this.chosenId,
      main: view(this.decks.main),
      relay: view(this.decks.relay),
      emergency: this.run ? { ...view(emergency), ...this.run } : null,
    };
    this.listeners.forEach((l) => l());
  };

  setContext(ctx: EngineContext): void {
    this.ctx = ctx;
    // The kept copy arrived after the item was loaded from the network: play that copy instead.
    const main = this.decks.main;
    const item = this.item(main?.itemId);
    if (main && item?.audioUrl) {
      main.swapSource(ctx.src(item.audioUrl));
    }
  }

  /** Callback ref of each <audio> element. */
  attach(name: DeckName, el: HTMLAudioElement | null): void {
    if (!el || this.decks[name]?.el === el) {
      return;
    }
    const ended =
      name === 'main'
        ? this.mainEnded
        : name === 'relay'
          ? () => this.stopRelay()
          : () => this.stopEmergency();
    this.decks[name] = new Deck(el, this.changed, ended, name !== 'relay');
  }

  private item(id: string | null | undefined): ConsoleItem | undefined {
    return id ? this.ctx.items.find((i) => i.id === id) : undefined;
  }

  /** The item after `item` (from the start with none) that has no airing yet. */
  private nextAfter(item: ConsoleItem | null | undefined): ConsoleItem | null {
    const all = this.ctx.items;
    const from = item ? all.findIndex((i) => i.id === item.id) + 1 : 0;
    return all.slice(from).find((i) => !this.ctx.done(i)) ?? null;
  }

  private recordTake(item: ConsoleItem, take: Take): void {
    if (!this.ctx.stationId) {
      return;
    }
    this.ctx.record(
      {
        stationId: this.ctx.stationId,
        planItemId: item.id,
        ...(item.kind === 'audio' && item.audioId ? { audioId: item.audioId } : {}),
        kind: item.kind === 'relay' ? 'relay' : 'programme',
        startedAt: take.startedAt.toISOString(),
        endedAt: take.endedAt.toISOString(),
        status: take.status,
        method: 'console',
        playedSeconds: take.playedSeconds,
      },
      item.id,
    );
  }

  /** Ends the item on a deck and records what played of it; returns the item. */
  private finish(deck: Deck | undefined): ConsoleItem | null {
    if (!deck?.itemId) {
      return null;
    }
    const item = this.item(deck.itemId) ?? null;
    const take = deck.take();
    if (item && take) {
      this.recordTake(item, take);
    }
    return item;
  }

  private mainEnded = (deck: Deck): void => {
    const done = this.finish(deck);
    const next = this.nextAfter(done);
    this.chosenId = next?.id ?? null;
    // Items of one slot run one after another; the next slot waits for the operator.
    if (next && done && next.slot.slotId === done.slot.slotId && next.kind === 'audio' && next.audioUrl) {
      deck.load(next.id, this.ctx.src(next.audioUrl), next.durationSec);
      void deck.el.play().catch(() => this.changed());
    }
    this.changed();
  };

  choose(item: ConsoleItem): void {
    const main = this.decks.main;
    if (main?.itemId && main.itemId !== item.id) {
      this.finish(main);
    }
    this.chosenId = item.id;
    this.changed();
  }

  /** Plays (or resumes) `item` on the main deck. Called from a click: the audio context may start. */
  play(item: ConsoleItem): Promise<void> {
    const main = this.decks.main;
    if (!main || item.kind !== 'audio' || !item.audioUrl) {
      return Promise.resolve();
    }
    this.meter.attach(main.el);
    if (main.itemId !== item.id) {
      this.finish(main);
      main.load(item.id, this.ctx.src(item.audioUrl), item.durationSec);
    }
    this.chosenId = item.id;
    this.changed();
    return main.el.play();
  }

  pause(): void {
    this.decks.main?.el.pause();
  }

  /** Ends `item` where it is (recorded when it played at all) and moves to the next one. */
  skip(item: ConsoleItem): void {
    const main = this.decks.main;
    const done = main?.itemId === item.id ? this.finish(main) : item;
    this.chosenId = this.nextAfter(done)?.id ?? null;
    this.changed();
  }

  startRelay(item: ConsoleItem): Promise<void> {
    const relay = this.decks.relay;
    if (!relay || item.kind !== 'relay' || !item.relayUrl) {
      return Promise.resolve();
    }
    this.decks.main?.el.pause();
    relay.load(item.id, item.relayUrl, item.durationSec);
    this.chosenId = item.id;
    this.changed();
    return relay.el.play();
  }

  stopRelay(): void {
    const done = this.finish(this.decks.relay);
    this.chosenId = this.nextAfter(done)?.id ?? null;
    this.changed();
  }

  /** An item recorded by hand: whatever the deck held of it is dropped (the operator's record stands). */
  recordedByHand(item: ConsoleItem): void {
    const main = this.decks.main;
    if (main?.itemId === item.id) {
      main.take();
    }
    if (this.chosenId === item.id || !this.chosenId) {
      this.chosenId = this.nextAfter(item)?.id ?? null;
    }
    this.changed();
  }

  /** Prepares the emergency deck inside the click (the audio context and the element's gesture). */
  armEmergency(): void {
    const deck = this.decks.emergency;
    if (deck) {
      this.meter.attach(deck.el);
    }
  }

  /** Plays an emergency notice now: the current item and the relay pause (not recorded as ended). */
  startEmergency(run: EmergencyRun, src: string, durationSec: number): Promise<void> {
    const deck = this.decks.emergency;
    if (!deck) {
      return Promise.resolve();
    }
    this.decks.main?.el.pause();
    this.decks.relay?.el.pause();
    this.run = run;
    deck.load(`emergency:${run.audioId}`, src, durationSec);
    this.changed();
    return deck.el.play();
  }

  stopEmergency(): void {
    const deck = this.decks.emergency;
    const run = this.run;
    const take = deck?.itemId ? deck.take() : null;
    if (run && take && !run.logged && this.ctx.stationId) {
      this.ctx.record(
        {
          stationId: this.ctx.stationId,
          audioId: run.audioId,
          kind: 'emergency',
          startedAt: take.startedAt.toISOString(),
          endedAt: take.endedAt.toISOString(),
          status: take.status,
          method: 'console',
          playedSeconds: take.playedSeconds,
        },
        null,
      );
    }
    this.run = null;
    this.changed();
  }

  /** Leaving the screen: the sound stops, an item cut off is recorded as it was. */
  dispose(): void {
    this.finish(this.decks.main);
    this.finish(this.decks.relay);
    if (this.run) {
      this.stopEmergency();
    }
  }
}
