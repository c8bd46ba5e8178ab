import { createRoot, type Root } from 'react-dom/client';
import sampleUrl from '../../samples/sample-report.docx';
import { createStandaloneHost } from '../hosts/browser/standalone-host';
import { saveFileInBrowser } from '../hosts/browser/save-file';
import { runningInWord } from '../hosts/word/detect';
import { App } from './components/App';
import { StartupError } from './components/StartupError';
import { loadOfficeJs, officeJsUrl, probablyInOffice } from './office-loader';
import { fluentThemeFor } from './office-theme';
import { errorMessage } from './use-report-check';

async function startInWord(root: Root): Promise<void> {
  try {
    // Loaded only inside Word, so the browser page never pays for it.
    const { createWordHost } = await import(/* webpackChunkName: "word-host" */ '../hosts/word');
    const host = await createWordHost({ Word, Office });
    const theme = fluentThemeFor(Office.context?.officeTheme);
    root.render(<App host={host} theme={theme} saveFile={saveFileInBrowser} />);
  } catch (e) {
    root.render(<StartupError message={errorMessage(e)} />);
  }
}

declare global {
  interface Window {
    /** The sample's fetch, started by taskpane.html for ?sample=1 before this script ran. */
    nianbaoSampleFetch?: Promise<Response>;
  }
}

/** The early fetch once (a later 加载示例 fetches again); a plain fetch when there is none or it failed. */
async function fetchSample(): Promise<Response> {
  const early = window.nianbaoSampleFetch;
  window.nianbaoSampleFetch = undefined;
  const response = await early?.catch(() => null);
  return response?.ok ? response : fetch(sampleUrl);
}

async function startStandalone(root: Root): Promise<void> {
  const { host, controls } = createStandaloneHost({
    // The sample is a file of this site (bundled by webpack), not the user's document.
    loadSample: async () => {
      const response = await fetchSample();
      if (!response.ok) throw new Error(`无法加载示例报告（${response.status}）。`);
      return new Uint8Array(await response.arrayBuffer());
    },
  });
  if (new URLSearchParams(location.search).get('sample') === '1') {
    await controls.loadSample().catch(() => undefined); // the page still offers the buttons
  }
  root.render(<App host={host} standalone={controls} />);
}

async function main(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  // A plain browser tab: the standalone page, without office.js.
  if (!probablyInOffice()) return startStandalone(root);
  // In Office: the loading message stays painted while office.js loads in the background.
  try {
    await loadOfficeJs(officeJsUrl());
  } catch (e) {
    root.render(<StartupError title="无法加载 Office 脚本" message={errorMessage(e)} />);
    return;
  }
  if (await runningInWord()) await startInWord(root);
  else await startStandalone(root);
}

void main();
