/**
 * How the call window lays out its tiles: pure functions, so the rules are testable
 * without rendering and readable in one place.
 */

/** The most tiles a meet can show (R3: at most 10 participants). */
export const MAX_TILES = 10;

/**
 * Columns of the tile grid for `count` tiles: as square as it gets, never more than two
 * columns on a narrow (mobile) window, where tiles would be too small to see a face.
 */
export function gridColumns(count: number, narrow: boolean): number {
  const n = Math.max(1, Math.min(count, MAX_TILES));
  const square = Math.ceil(Math.sqrt(n));
  if (narrow) return n <= 2 ? 1 : 2;
  return n === 2 ? 2 : square;
}

/** Rows the grid needs for `count` tiles in `columns` columns. */
export function gridRows(count: number, columns: number): number {
  return Math.ceil(Math.max(1, Math.min(count, MAX_TILES)) / columns);
}

/**
 * Which tile goes on the large stage: the first one sharing a screen (remote first: what
 * others share is what the user came to see; their own share is a preview), else none.
 */
export function stageTileId(tiles: readonly { id: string; screen: boolean; self: boolean }[]): string | null {
  return tiles.find((t) => t.screen && !t.self)?.id ?? tiles.find((t) => t.screen)?.id ?? null;
}

/** Keeps a window of `size` fully inside `bounds`, `margin` px from the edges where it fits. */
export function clampPosition(
  pos: { x: number; y: number },
  size: { width: number; height: number },
  bounds: { width: number; height: number },
  margin = 8,
): { x: number; y: number } {
  const maxX = Math.max(margin, bounds.width - size.width - margin);
  const maxY = Math.max(margin, bounds.height - size.height - margin);
  return { x: Math.round(Math.min(Math.max(pos.x, margin), maxX)), y: Math.round(Math.min(Math.max(pos.y, margin), maxY)) };
}
