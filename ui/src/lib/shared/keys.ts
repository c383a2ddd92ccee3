/** True when the key goes to a text field, where the browser's own keys (and text undo) apply. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(type);
}

/** Ctrl on Linux/Windows, Cmd on macOS. */
export function isMod(e: KeyboardEvent): boolean {
  return e.ctrlKey || e.metaKey;
}

/**
 * The tab a key moves to in a tab list of `count` tabs with tab `at` selected (WAI-ARIA tabs
 * pattern: arrows wrap round, Home and End go to the ends), or null for any other key.
 */
export function tabKeyTarget(key: string, at: number, count: number): number | null {
  if (key === 'ArrowRight') return (at + 1) % count;
  if (key === 'ArrowLeft') return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
