import './dom';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createElement } from 'react';
import { configure, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { createStandaloneHost, type StandaloneHost } from '../../src/hosts/browser/standalone-host';

// Each fix re-reads the .docx; on a loaded 2-core CI machine that takes longer than the 1 s default.
configure({ asyncUtilTimeout: 10_000 });

export type TestHost = StandaloneHost & { saved: Saved[]; storage: ReturnType<typeof memoryStorage> };

export const SAMPLE = readFileSync(resolve(__dirname, '../../samples/sample-report.docx'));
export const CURRENT_YEAR = 2025;

export interface Saved {
  bytes: Uint8Array;
  fileName: string;
}

/** A Storage in memory (the standalone host persists ignored findings there). */
export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

/** The real standalone host (engine + .docx host) with downloads and storage captured. */
export function testHost(storage = memoryStorage()): TestHost {
  const saved: Saved[] = [];
  const h = createStandaloneHost({
    loadSample: async () => new Uint8Array(SAMPLE),
    saveFile: (bytes, fileName) => saved.push({ bytes, fileName }),
    storage,
  });
  return { ...h, saved, storage };
}

/** The pane on a document; standalone controls shown only when asked (Word-like otherwise). */
export async function renderPane(bytes: Uint8Array, fileName = 'report.docx', options: { standalone?: boolean; host?: TestHost } = {}) {
  const h = options.host ?? testHost();
  await h.controls.open(bytes, fileName);
  const view = render(createElement(App, { host: h.host, standalone: options.standalone ? h.controls : undefined, currentYear: CURRENT_YEAR }));
  await waitFor(() => screen.getByTestId(/^(summary|no-report)$/), { timeout: 5000 });
  return { ...view, ...h };
}
