import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Download, type Locator, type Page } from 'playwright-core';
import { lintDocx } from '../../../src/engine';
import { serveStatic, type StaticServer } from './static-server';

export const ROOT = path.resolve(__dirname, '../../..');
export const DIST = path.join(ROOT, 'dist');
export const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';
export const SAMPLE_PATH = path.join(ROOT, 'samples', 'sample-report.docx');
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The office.js script the page asks for (webpack.config.js, default build). */
export const OFFICE_JS_HOST = 'appsforoffice.microsoft.com';
/** The task pane's width in Word. */
export const PANE_WIDTH = 320;

const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const currentYear = () => new Date().getFullYear();
export const sampleBytes = () => new Uint8Array(readFileSync(SAMPLE_PATH));

/**
 * Call in a describe's before(): skips the file's tests when Debian's chromium is missing,
 * except on CI (process.env.CI), where a missing browser is a failure.
 */
export function requireChromium(context: Mocha.Context): void {
  if (existsSync(CHROMIUM)) return;
  const message = `browser tests need Chromium at ${CHROMIUM} (Debian package "chromium"); it is missing`;
  if (process.env.CI) throw new Error(`${message} (CI is set, so this fails instead of skipping)`);
  console.warn(`      [skipped] ${message}. Install it (apt-get install chromium) to run them.`);
  context.skip();
}

export function requireBuild(): void {
  if (!existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('dist/taskpane.html is missing: run `npm run build` first (npm test does).');
}

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });

export interface RecordedRequest {
  url: string;
  method: string;
  hasBody: boolean;
}

/**
 * One browser context (fresh per test file) over dist/ served locally. Every request that is not
 * to the local server is aborted, except office.js, answered with `officeScript` (empty: the
 * page runs standalone). All requests the pages make are recorded.
 */
export class Session {
  requests: RecordedRequest[] = [];
  /** What the office.js request gets (set before opening a page); null: the CDN is unreachable. */
  officeScript: string | null = '/* office.js is not available: standalone mode */';

  private constructor(public server: StaticServer, public browser: Browser, public context: BrowserContext) {}

  static async start(): Promise<Session> {
    requireBuild();
    const server = await serveStatic(DIST);
    let browser: Browser | null = null;
    try {
      browser = await launchChromium();
      const context = await browser.newContext({ viewport: { width: PANE_WIDTH, height: 900 }, acceptDownloads: true, locale: 'zh-CN', serviceWorkers: 'block' });
      const session = new Session(server, browser, context);
      context.on('request', (r) => session.requests.push({ url: r.url(), method: r.method(), hasBody: r.postDataBuffer() !== null }));
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin === server.origin) return route.continue();
        if (isOfficeJs(url) && session.officeScript === null) return route.abort('connectionrefused');
        if (isOfficeJs(url)) return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: session.officeScript ?? '' });
        return route.abort('blockedbyclient');
      });
      return session;
    } catch (error) {
      await browser?.close();
      await server.close();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.browser.close().catch(() => undefined);
    await this.server.close();
  }

  /** A new page at `path` (relative to dist/), with page errors collected. */
  async open(pagePath: string): Promise<TestPage> {
    const page = await this.context.newPage();
    // A state that never comes fails the test well within mocha's timeout.
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    await page.goto(`${this.server.origin}/${pagePath}`);
    return Object.assign(page, { pageErrors: errors });
  }

  /**
   * Nothing the pages requested went anywhere but the local server, except the office.js script;
   * no request carried a body (no upload of document content), and only GETs were made.
   */
  assertOnlyLocalTraffic(): void {
    assert.ok(this.requests.length > 0, 'no request was recorded: the recorder is not working');
    const external = this.requests.filter((r) => !isLocal(r.url, this.server.origin) && !isOfficeJs(new URL(r.url)));
    assert.deepEqual(external.map((r) => r.url), [], 'requests to other hosts than the local server (office.js aside)');
    const withBody = this.requests.filter((r) => r.hasBody || r.method !== 'GET');
    assert.deepEqual(withBody.map((r) => `${r.method} ${r.url}`), [], 'requests sending data');
  }
}

/** A page, with its uncaught errors and console.error messages (the tests expect none). */
export type TestPage = Page & { pageErrors: string[] };

/** The query Office adds to a task pane's URL (the page loads office.js only with it, or in a frame). */
export const IN_WORD = '_host_Info=Word$Win32$16.01$zh-CN$$$$0';

/** Whether any page of the session asked for office.js. */
export const requestedOfficeJs = (session: Session): boolean => session.requests.some((r) => isOfficeJs(new URL(r.url)));

function isOfficeJs(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === OFFICE_JS_HOST && url.pathname.endsWith('/office.js');
}

/** blob: and data: URLs never leave the page (downloads are Blob URLs). */
function isLocal(url: string, origin: string): boolean {
  if (url.startsWith('blob:') || url.startsWith('data:')) return true;
  return new URL(url).origin === origin;
}

/**
 * Saves a full-page screenshot to test-output/screenshots/<name>.png and (unless told not to)
 * checks that nothing makes the 320 px pane scroll sideways.
 */
export async function screenshot(page: Page, name: string, options: { checkWidth?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  if (options.checkWidth !== false) await assertFitsPane(page);
}

/** The page does not scroll sideways: everything wraps within the viewport (the pane's width). */
export async function assertFitsPane(page: Page): Promise<void> {
  const { width, viewport } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  assert.ok(width <= viewport, `the page is ${width} px wide in a ${viewport} px pane: something does not wrap`);
}

export interface Counts {
  errors: number;
  warnings: number;
}

/** What the engine finds in a .docx: counts by severity and how many findings carry a safe fix. */
export function engineCounts(bytes: Uint8Array): Counts & { fixable: number } {
  const { diagnostics } = lintDocx(bytes, { currentYear: currentYear() });
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    fixable: diagnostics.filter((d) => d.fix).length,
  };
}

/** The counts the pane shows (summary line; "未发现问题" counts as none), or null while it shows neither. */
export async function shownCounts(page: Page): Promise<Counts | null> {
  return page.evaluate(() => {
    if (document.querySelector('[data-testid="no-problems"]')) return { errors: 0, warnings: 0 };
    const text = document.querySelector('[data-testid="summary-total"]')?.textContent ?? '';
    const m = /共\s*(\d+)\s*个错误，\s*(\d+)\s*个警告/.exec(text);
    return m ? { errors: Number(m[1]), warnings: Number(m[2]) } : null;
  });
}

/** Waits until the pane is idle and shows these counts; fails with the counts it does show. */
export async function waitForCounts(page: Page, counts: Counts, timeout = 15_000): Promise<void> {
  const expected: Counts = { errors: counts.errors, warnings: counts.warnings };
  try {
    await page.waitForFunction(({ errors, warnings }) => {
      if (document.querySelector('main[aria-busy="true"]')) return false;
      if (errors === 0 && warnings === 0 && document.querySelector('[data-testid="no-problems"]')) return true;
      const text = document.querySelector('[data-testid="summary-total"]')?.textContent ?? '';
      const m = /共\s*(\d+)\s*个错误，\s*(\d+)\s*个警告/.exec(text);
      return !!m && Number(m[1]) === errors && Number(m[2]) === warnings;
    }, expected, { timeout });
  } catch {
    // Timed out: say what the pane shows instead.
  }
  assert.deepEqual(await shownCounts(page), expected, 'counts shown in the pane');
}

/** Waits for the pane to finish whatever it is doing (no check or action running). */
export async function waitIdle(page: Page): Promise<void> {
  await page.locator('main[aria-busy="false"]').waitFor();
}

/** Runs `action` (a click) and returns the file it downloads, as bytes. */
export async function downloadFrom(page: Page, action: () => Promise<void>): Promise<{ bytes: Uint8Array; name: string; download: Download }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const file = await download.path();
  return { bytes: new Uint8Array(readFileSync(file)), name: download.suggestedFilename(), download };
}

/** Drops a file on `target` as a user dragging it from the file manager would (DataTransfer built in the page). */
export async function dropFile(target: Locator, file: { name: string; mimeType: string; bytes: Uint8Array }): Promise<void> {
  const dataTransfer = await target.page().evaluateHandle(({ name, mimeType, base64 }) => {
    const binary = atob(base64);
    const data = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], name, { type: mimeType }));
    return transfer;
  }, { name: file.name, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') });
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

export const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/**
 * The mocha hooks every browser suite needs: one browser for the suite (started beside `prepare`,
 * e.g. bundling), and after each passing test a check that the page threw nothing, then closing
 * it. Pages opened through `open` are the ones checked.
 */
export function browserSuite(prepare: () => Promise<void> = async () => {}) {
  let session: Session | undefined;
  let page: TestPage | null = null;
  before(async function () {
    requireChromium(this);
    this.timeout(120_000);
    const [prepared, started] = await Promise.allSettled([prepare(), Session.start()]);
    if (started.status === 'fulfilled') session = started.value;
    if (prepared.status === 'rejected') throw prepared.reason;
    if (started.status === 'rejected') throw started.reason;
  });
  after(async () => {
    await session?.stop();
  });
  afterEach(async function () {
    if (page && this.currentTest?.state === 'passed') assert.deepEqual(page.pageErrors, [], 'uncaught errors in the page');
    await page?.close();
    page = null;
  });
  return {
    get session(): Session {
      if (!session) throw new Error('the browser session has not started');
      return session;
    },
    async open(url: string): Promise<TestPage> {
      page = await this.session.open(url);
      return page;
    },
  };
}
