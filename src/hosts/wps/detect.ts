import type { WpsApplication } from './wps-api';

/** What a WPS 加载项 page finds on `window`: `wps.WpsApplication()` (WPS 文字) or `Application`. */
export interface WpsGlobals {
  wps?: { WpsApplication?: () => WpsApplication };
  Application?: WpsApplication;
}

/**
 * The WPS 文字 application when the page runs inside WPS as an add-in, else null. Synchronous and
 * without side effects: a plain browser has neither global, Word's task pane has Office instead.
 */
export function wpsApplication(scope: WpsGlobals = globalThis as WpsGlobals): WpsApplication | null {
  try {
    const app = scope.wps?.WpsApplication?.() ?? scope.Application;
    return app && typeof app === 'object' && 'ActiveDocument' in app ? app : null;
  } catch {
    return null;
  }
}
