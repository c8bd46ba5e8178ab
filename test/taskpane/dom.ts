/**
 * A browser-like global environment (jsdom) for component tests. Import it before React or
 * @testing-library/react: they look for `window`/`document` when first loaded.
 */
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html lang="zh-CN"><head></head><body></body></html>', { url: 'http://localhost/', pretendToBeVisual: true });
const g = globalThis as Record<string, unknown>;
const win = dom.window as unknown as Record<string, unknown>;

g.window = dom.window;
g.document = dom.window.document;
// Everything else a component may use (HTMLElement, Node, getComputedStyle, MutationObserver …),
// without replacing what Node already has (setTimeout, URL, Blob, …).
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (key in g) continue;
  try {
    g[key] = win[key];
  } catch {
    // accessors that throw outside a browsing context
  }
}
if (!('navigator' in g)) g.navigator = dom.window.navigator;
// Node has its own Event classes; jsdom only dispatches its own (Fluent's focus handling creates events).
for (const key of ['Event', 'CustomEvent', 'FocusEvent', 'KeyboardEvent', 'MouseEvent', 'EventTarget']) g[key] = win[key];

// What jsdom lacks and Fluent UI touches.
const noopObserver = class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
for (const target of [g, win]) {
  target.matchMedia ??= (query: string) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false });
  target.ResizeObserver ??= noopObserver;
  target.IntersectionObserver ??= noopObserver;
}
(dom.window.HTMLElement.prototype as { scrollIntoView?: () => void }).scrollIntoView ??= () => {};

// React 19: updates in tests are wrapped in act() by @testing-library/react.
g.IS_REACT_ACT_ENVIRONMENT = true;

export const jsdomWindow = dom.window;
