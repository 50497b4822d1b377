// React 18, when it hydrates a <textarea>, sets it back to the text the server rendered, so what a
// person typed before the page's scripts arrived (a slow line, or an item kind's panel still
// loading) would be lost without a word. Inputs and selects keep theirs. The browser entry starts
// `watchTypingBeforeHydration` before hydrating; each text area's ref puts the typed text back
// once React has taken it over.

const typed = new WeakMap<HTMLTextAreaElement, string>();

/** Remembers the text of every text area typed into from now on, and of those already changed. */
export function watchTypingBeforeHydration(doc: Document): void {
  for (const el of doc.querySelectorAll("textarea")) if (el.value !== el.defaultValue) typed.set(el, el.value);
  doc.addEventListener(
    "input",
    (event) => {
      if (event.target instanceof HTMLTextAreaElement) typed.set(event.target, event.target.value);
    },
    true,
  );
}

/**
 * A text area's ref: when React mounts (or hydrates) it, the text typed into it before is put back.
 * Pass this function itself (not an inline arrow), so that React calls it once, on mount.
 */
export function keepTypedText(el: HTMLTextAreaElement | null): void {
  if (!el) return;
  const text = typed.get(el);
  typed.delete(el);
  if (text !== undefined && el.value !== text) el.value = text;
}
