/**
 * In-page probe for tap-to-next-screen time, installed with
 * `page.addInitScript` before the renderer loads. A capturing `click`
 * listener stamps `performance.now()` and the current `data-screen`; a
 * MutationObserver on the document stamps the moment a different
 * `data-screen` is in the DOM ("dom"), and a `requestAnimationFrame` after it
 * stamps the start of the next frame ("frame"). For the guide, "ready" is
 * when its content (the start button) is in the DOM, after the guide has
 * been fetched from the core. Results land in
 * `window.__tapProbe.samples`.
 */
export const TAP_PROBE_SCRIPT = `(() => {
  const probe = { pending: null, samples: [] };
  window.__tapProbe = probe;
  const current = () => {
    const el = document.querySelector('[data-screen]');
    return el ? el.getAttribute('data-screen') : null;
  };
  addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target.closest('[data-testid]') : null;
    probe.pending = { t0: performance.now(), from: current(), testid: target ? target.getAttribute('data-testid') : '?' };
  }, true);
  const guideReady = () => document.querySelector('[data-screen="guide"] [data-testid="start-application"]') !== null;
  let waitingGuide = null;
  const check = () => {
    if (waitingGuide && guideReady()) {
      waitingGuide.sample.ready = performance.now() - waitingGuide.t0;
      waitingGuide = null;
    }
    const p = probe.pending;
    if (!p) return;
    const now = current();
    if (now === null || now === p.from) return;
    probe.pending = null;
    const sample = { from: p.from, to: now, testid: p.testid, dom: performance.now() - p.t0, frame: null, ready: null };
    probe.samples.push(sample);
    if (now === 'guide') {
      if (guideReady()) sample.ready = sample.dom;
      else waitingGuide = { t0: p.t0, sample };
    }
    requestAnimationFrame(() => { sample.frame = performance.now() - p.t0; });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-screen'] });
})();`;

/** One tap measured by {@link TAP_PROBE_SCRIPT}. Times in ms from the click event. */
export interface TapSample {
  from: string | null;
  to: string;
  testid: string;
  /** Click → the next `data-screen` is in the DOM. */
  dom: number;
  /** Click → the next animation frame after that (null until it ran). */
  frame: number | null;
  /** Guide only: click → the guide's content (start button) is in the DOM. */
  ready: number | null;
}
