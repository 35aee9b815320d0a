/** What the home screen's status line says while a search is running (zh-CN `home.searching`). */
export const SEARCHING_TEXT = '正在查找……';

/**
 * In-page probe for search time per keystroke, installed with
 * `page.addInitScript`. The first `keydown` or `beforeinput` after a reset
 * stamps `t0` (CJK text typed with `insertText` has no keydown). A wrapper
 * around `WebSocket.prototype.send` stamps when the `catalogue:search` call
 * leaves the page (after the renderer's debounce). A MutationObserver stamps
 * when the status line first says "searching" (the echo) and when it then
 * shows a count again: the result list has been replaced for this keystroke.
 * Samples land in `window.__searchProbe.samples`; times in ms from `t0`.
 */
export const SEARCH_PROBE_SCRIPT = `(() => {
  const SEARCHING = ${JSON.stringify(SEARCHING_TEXT)};
  const probe = { t0: null, tSend: null, tEcho: null, samples: [] };
  window.__searchProbe = probe;
  probe.reset = () => { probe.t0 = null; probe.tSend = null; probe.tEcho = null; };
  const start = () => { if (probe.t0 === null) probe.t0 = performance.now(); };
  addEventListener('keydown', start, true);
  addEventListener('beforeinput', start, true);
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (probe.t0 !== null && typeof data === 'string' && data.includes('"catalogue:search"')) probe.tSend = performance.now();
    return send.call(this, data);
  };
  new MutationObserver(() => {
    if (probe.t0 === null) return;
    const status = document.querySelector('[data-testid="search-status"]');
    if (!status) return;
    const text = (status.textContent || '').trim();
    const now = performance.now();
    if (text === SEARCHING) {
      if (probe.tEcho === null) probe.tEcho = now;
      return;
    }
    if (probe.tEcho === null) return;
    const input = document.querySelector('[data-testid="search-input"]');
    const sample = {
      query: input ? input.value : '',
      status: text,
      items: document.querySelectorAll('[data-screen="home"] [data-testid="service-item"]').length,
      e2e: now - probe.t0,
      echo: probe.tEcho - probe.t0,
      afterSend: probe.tSend === null ? null : now - probe.tSend,
      debounce: probe.tSend === null ? null : probe.tSend - probe.t0,
    };
    probe.samples.push(sample);
    probe.reset();
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

/** One keystroke measured by {@link SEARCH_PROBE_SCRIPT}; times in ms from the keystroke. */
export interface SearchSample {
  query: string;
  status: string;
  items: number;
  /** Keystroke → result list replaced (status shows the count again). */
  e2e: number;
  /** Keystroke → the status line says "searching". */
  echo: number;
  /** The `catalogue:search` call sent → result list replaced: round trip + render, no debounce. */
  afterSend: number | null;
  /** Keystroke → the call sent: the renderer's debounce. */
  debounce: number | null;
}
