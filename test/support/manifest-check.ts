import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';

/*
 * An offline check of the add-in manifest (Microsoft's validator needs the internet). Usable on
 * the source manifest.xml and on dist/manifest.xml after the web build.
 */

interface Element {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Element[];
  parent: Element | null;
}

export interface ManifestCheckOptions {
  /** Folder the icon files must be in (assets/, or dist/assets/). */
  assetsDir: string;
  /** Source of the function file's script, to check it registers the ExecuteFunction names. */
  commandsSource?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parse(xml: string): Element {
  const root: Element = { name: '#root', attributes: {}, text: '', children: [], parent: null };
  let current = root;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    const element: Element = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', children: [], parent: current };
    current.children.push(element);
    current = element;
  });
  parser.on('text', (t) => {
    current.text += t;
  });
  parser.on('closetag', () => {
    current = current.parent ?? root;
  });
  parser.write(xml).close();
  return root;
}

function* all(e: Element): Generator<Element> {
  for (const c of e.children) {
    yield c;
    yield* all(c);
  }
}

/** Problems found, in plain words; empty when the manifest passes. */
export function checkManifest(xml: string, options: ManifestCheckOptions): string[] {
  const problems: string[] = [];
  let root: Element;
  try {
    root = parse(xml);
  } catch (error) {
    return [`not well-formed XML: ${(error as Error).message}`];
  }
  const elements = [...all(root)];
  const named = (name: string) => elements.filter((e) => e.name === name || e.name.endsWith(`:${name}`));
  const app = root.children[0];
  if (app?.name !== 'OfficeApp') problems.push('the root element is not OfficeApp');
  if (app?.attributes['xsi:type'] !== 'TaskPaneApp') problems.push('not a TaskPaneApp');

  const id = app?.children.find((c) => c.name === 'Id')?.text.trim() ?? '';
  if (!GUID.test(id)) problems.push(`Id "${id}" is not a GUID`);
  for (const required of ['Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'SupportUrl', 'Hosts', 'DefaultSettings', 'Permissions']) {
    if (!app?.children.some((c) => c.name === required)) problems.push(`missing ${required}`);
  }

  const urls = elements.flatMap((e) => [...Object.values(e.attributes), e.text.trim()]).filter((v) => /^[a-z]+:\/\//i.test(v) && !v.startsWith('http://schemas.') && !v.startsWith('http://www.w3.org/'));
  for (const url of urls) if (!url.startsWith('https://')) problems.push(`URL is not https: ${url}`);

  const hosts = app?.children.find((c) => c.name === 'Hosts')?.children.map((h) => h.attributes.Name) ?? [];
  if (!hosts.includes('Document')) problems.push('Hosts does not list Document (Word)');

  const wordSet = named('Set').find((s) => s.attributes.Name === 'WordApi');
  const minVersion = Number(wordSet?.attributes.MinVersion ?? wordSet?.parent?.attributes.DefaultMinVersion ?? NaN);
  if (!wordSet) problems.push('no WordApi requirement set');
  else if (!(minVersion >= 1.3)) problems.push(`WordApi minimum ${minVersion} is below 1.3 (the table API)`);

  const permissions = app?.children.find((c) => c.name === 'Permissions')?.text.trim();
  if (permissions !== 'ReadWriteDocument') problems.push(`Permissions is ${permissions ?? 'missing'}, not ReadWriteDocument`);

  const source = named('SourceLocation').find((s) => s.parent?.name === 'DefaultSettings')?.attributes.DefaultValue ?? '';
  if (!/^https:\/\/[^/]+\/taskpane\.html$/.test(source)) problems.push(`SourceLocation ${source} is not the task pane page`);

  // Every resid points at a resource, and every resource id is unique.
  const resources = elements.filter((e) => e.parent && /^(bt:)?(Images|Urls|ShortStrings|LongStrings)$/.test(e.parent.name));
  const ids = resources.map((r) => r.attributes.id);
  for (const dup of ids.filter((x, i) => ids.indexOf(x) !== i)) problems.push(`resource id ${dup} is defined twice`);
  for (const e of elements) if (e.attributes.resid && !ids.includes(e.attributes.resid)) problems.push(`resid ${e.attributes.resid} is not defined`);

  const functionFile = named('FunctionFile')[0];
  const functionUrl = resources.find((r) => r.attributes.id === functionFile?.attributes.resid)?.attributes.DefaultValue ?? '';
  if (!/\/commands\.html$/.test(functionUrl)) problems.push(`FunctionFile ${functionUrl || '(none)'} is not commands.html`);

  // Icons: each referenced file must exist in the assets folder.
  const iconUrls = [
    ...['IconUrl', 'HighResolutionIconUrl'].map((n) => app?.children.find((c) => c.name === n)?.attributes.DefaultValue),
    ...resources.filter((r) => /Image$/.test(r.name)).map((r) => r.attributes.DefaultValue),
  ].filter((u): u is string => !!u);
  for (const url of iconUrls) {
    const file = /\/assets\/([^/?#]+)$/.exec(url)?.[1];
    if (!file) problems.push(`icon ${url} is not under /assets/`);
    else if (!existsSync(join(options.assetsDir, file))) problems.push(`icon file ${file} is missing from ${options.assetsDir}`);
  }
  for (const size of ['16', '32', '80']) {
    if (!named('Image').some((i) => i.attributes.size === size)) problems.push(`no ${size}px ribbon icon`);
  }

  const functions = named('Action').filter((a) => a.attributes['xsi:type'] === 'ExecuteFunction').map((a) => a.children.find((c) => c.name === 'FunctionName')?.text.trim() ?? '');
  if (!functions.includes('fixAll')) problems.push('no ExecuteFunction button with FunctionName fixAll');
  if (options.commandsSource !== undefined) {
    for (const name of functions) {
      if (!options.commandsSource.includes(`associate('${name}'`)) problems.push(`commands script does not associate '${name}'`);
    }
  }
  if (!named('Action').some((a) => a.attributes['xsi:type'] === 'ShowTaskpane')) problems.push('no button that shows the task pane');
  return problems;
}
