// Fixed card geometry: every card has the same height, so a column can compute which cards
// are visible (and where a dragged card would land) from its scroll position alone.
export const CARD_HEIGHT = 84;
export const CARD_GAP = 8;
export const ROW = CARD_HEIGHT + CARD_GAP;
/** Padding above the first and below the last card inside a column's scroll area. */
export const LIST_PAD = 8;
/** Cards rendered above and below the visible ones, so fast scrolling shows no gaps. Each
 * rendered card costs about 2 ms on first paint in the desktop webview, so keep this small. */
export const OVERSCAN = 2;
/** Used until the scroll area has been measured (and in tests, where nothing has a size). */
export const FALLBACK_VIEWPORT = 720;

export function cardTop(index: number): number {
  return LIST_PAD + index * ROW;
}

export function listHeight(count: number): number {
  return count === 0 ? 0 : LIST_PAD * 2 + count * ROW - CARD_GAP;
}

/** The index range [start, end) of cards to render for a scroll position. */
export function visibleRange(count: number, scrollTop: number, viewport: number): [number, number] {
  const height = viewport > 0 ? viewport : FALLBACK_VIEWPORT;
  const first = Math.floor((scrollTop - LIST_PAD) / ROW);
  const last = Math.ceil((scrollTop + height - LIST_PAD) / ROW);
  return [Math.max(0, first - OVERSCAN), Math.min(count, last + OVERSCAN)];
}

/** The gap (0…count) nearest to a y position measured from the top of the scroll content. */
export function slotAt(y: number, count: number): number {
  return Math.max(0, Math.min(count, Math.round((y - LIST_PAD) / ROW)));
}
