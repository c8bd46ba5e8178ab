/**
 * office.js is needed only inside Office, and from Microsoft's CDN it may be slow or unreachable
 * (intranets). The page therefore decides first whether it runs in Office, and only then loads the
 * script, asynchronously, with a time limit; the plain browser page never requests it.
 */

/** Longer than a slow CDN needs; past this the pane says why it cannot start. */
export const OFFICE_JS_TIMEOUT_MS = 20_000;

/**
 * Office opens the task pane with `_host_Info` in the query (and office.js keeps it in session
 * storage across reloads); Office on the web runs it in a frame. A plain tab has neither.
 */
export function probablyInOffice(win: Pick<Window, 'location' | 'parent' | 'sessionStorage'> = window): boolean {
  if (new URLSearchParams(win.location.search).has('_host_Info')) return true;
  try {
    if (win.sessionStorage.getItem('hostInfoValue')) return true;
  } catch {
    // storage blocked: decide by the frame
  }
  try {
    return win.parent !== win;
  } catch {
    return true; // a cross-origin parent: a frame, as in Office on the web
  }
}

/** Where the build says office.js is (CDN, or dist/office-js/ with OFFICE_JS=local). */
export function officeJsUrl(doc: Document = document): string {
  return doc.querySelector<HTMLMetaElement>('meta[name="office-js"]')?.content || 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
}

export class OfficeJsUnavailable extends Error {}

/** Loads office.js with a <script async>; rejects with a Chinese explanation when it fails or hangs. */
export function loadOfficeJs(url: string, timeoutMs = OFFICE_JS_TIMEOUT_MS, doc: Document = document): Promise<void> {
  return new Promise((resolve, reject) => {
    const explain = (what: string) =>
      new OfficeJsUnavailable(
        `无法加载 Office 的脚本 office.js（${url}）：${what}。` +
        '如果这台电脑所在的网络不能访问互联网（内网、防火墙），请让管理员用 OFFICE_JS=local npm run build 重新构建加载项，' +
        '这样 office.js 随加载项一起提供。也可以改用浏览器版：在浏览器中直接打开本页，选择 .docx 文件检查。',
      );
    const timer = setTimeout(() => reject(explain(`${Math.round(timeoutMs / 1000)} 秒内没有响应`)), timeoutMs);
    const script = doc.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = () => {
      clearTimeout(timer);
      resolve();
    };
    script.onerror = () => {
      clearTimeout(timer);
      reject(explain('无法连接'));
    };
    doc.head.appendChild(script);
  });
}
