/**
 * A Lit reactive controller that keeps an element's render in step with a nanostores
 * store. The store may come from a property that changes (a new meet client): pass a
 * getter, and the controller resubscribes before the next render when the getter returns
 * a different store. Unsubscribes on disconnect, so a removed element leaks no listener.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

type StoreSource<T> = ReadableAtom<T> | (() => ReadableAtom<T> | null | undefined);

export class StoreController<T, F = T> implements ReactiveController {
  private store: ReadableAtom<T> | null = null;
  private unsubscribe: (() => void) | null = null;
  private current: T | F;
  private connected = false;

  /**
   * @param host the element
   * @param source a store, or a getter returning the store to follow (or nothing yet)
   * @param fallback the value while there is no store
   * @param onChange called with every value the store emits (the first included), before
   *   the render: for elements that react to transitions, which a render may batch away
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: StoreSource<T>,
    private readonly fallback: F,
    private readonly onChange?: (value: T) => void,
  ) {
    this.current = fallback;
    host.addController(this);
  }

  /** The store's latest value, or the fallback while there is none. */
  get value(): T | F {
    return this.current;
  }

  hostConnected(): void {
    this.connected = true;
    this.follow();
    // Reattached after a move in the DOM: the store may have changed while away.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.store = null;
  }

  /** Runs before each render: picks up a store that changed with a property. */
  hostUpdate(): void {
    if (this.connected) this.follow();
  }

  private resolve(): ReadableAtom<T> | null {
    return (typeof this.source === 'function' ? this.source() : this.source) ?? null;
  }

  private follow(): void {
    const next = this.resolve();
    if (next === this.store && (this.unsubscribe || !next)) return;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.store = next;
    if (!next) {
      this.current = this.fallback;
      return;
    }
    let initial = true;
    this.unsubscribe = next.subscribe((value) => {
      this.current = value;
      this.onChange?.(value);
      // The first call is synchronous, inside hostConnected/hostUpdate: the render that is
      // about to happen already sees it. Later changes schedule a render.
      if (!initial) this.host.requestUpdate();
    });
    initial = false;
  }
}
