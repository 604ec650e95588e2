/**
 * Minimise-and-move: lets the user drag the call window by its handle (pointer) or move it
 * with the arrow keys while the handle has focus (keyboard, 16 px a step, 64 px with
 * Shift), keeping it inside the viewport. The position lives here, outside the element.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clampPosition } from './layout.js';

/** Pixels one arrow key moves the window; with Shift, four times that. */
export const KEY_STEP = 16;

type Host = ReactiveControllerHost & HTMLElement;

export class MoveController implements ReactiveController {
  /** Top-left corner in viewport pixels; `null` until the user moves the window. */
  position: { x: number; y: number } | null = null;
  private drag: { pointerId: number; dx: number; dy: number } | null = null;

  constructor(private readonly host: Host, private readonly frame: () => HTMLElement | null) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('resize', this.onResize);
  }

  hostDisconnected(): void {
    window.removeEventListener('resize', this.onResize);
    this.drag = null;
  }

  /** Forgets the user's position (the window returns to its default corner). */
  reset(): void {
    this.position = null;
    this.host.requestUpdate();
  }

  /** Moves the window by a delta (from its current place), clamped to the viewport. */
  moveBy(dx: number, dy: number): void {
    const rect = this.frame()?.getBoundingClientRect();
    if (!rect) return;
    const from = this.position ?? { x: rect.left, y: rect.top };
    this.place({ x: from.x + dx, y: from.y + dy }, rect);
  }

  readonly onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    const rect = this.frame()?.getBoundingClientRect();
    if (!rect) return;
    this.drag = { pointerId: event.pointerId, dx: event.clientX - rect.left, dy: event.clientY - rect.top };
    (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    event.preventDefault(); // no text selection while dragging
  };

  readonly onPointerMove = (event: PointerEvent): void => {
    if (!this.drag || event.pointerId !== this.drag.pointerId) return;
    const rect = this.frame()?.getBoundingClientRect();
    if (!rect) return;
    this.place({ x: event.clientX - this.drag.dx, y: event.clientY - this.drag.dy }, rect);
  };

  readonly onPointerUp = (event: PointerEvent): void => {
    if (this.drag?.pointerId !== event.pointerId) return;
    this.drag = null;
    (event.currentTarget as Element).releasePointerCapture?.(event.pointerId);
  };

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    this.moveBy(move[0], move[1]);
  };

  private place(pos: { x: number; y: number }, rect: DOMRect): void {
    this.position = clampPosition(pos, rect, { width: window.innerWidth, height: window.innerHeight });
    this.host.requestUpdate();
  }

  private readonly onResize = () => {
    const rect = this.frame()?.getBoundingClientRect();
    if (this.position && rect) this.place(this.position, rect);
  };
}
