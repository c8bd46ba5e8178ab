/**
 * WordprocessingML may bind its namespace to any prefix: `ns0:` after a pass through Python's
 * ElementTree, a default namespace, `w:` almost everywhere else. The engine and the edits speak
 * `w:`; a document written otherwise is translated to `w:` before reading or editing, and edited
 * text is translated back, so new elements use the document's own prefix and everything not
 * edited comes back byte for byte (checked by a round trip before anything is edited).
 */

const WORDML_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main', // Strict OOXML
]);

/** How a document writes the WordprocessingML namespace: the prefix of its elements ('' = default namespace) and of its attributes. */
export interface WordPrefixes {
  element: string;
  attribute: string;
  /** The namespace itself (Transitional or Strict). */
  namespace: string;
  /** `w` is declared already (elements in a default namespace, attributes under `w:`). */
  declaresW: boolean;
}

export class UnsupportedPrefixes extends Error {}

const DECLARATION = /\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(["'])([^"']*)\2/g;

/**
 * The prefixes a document uses for WordprocessingML, or null when it uses `w:` (nothing to translate).
 * Throws UnsupportedPrefixes when the document cannot be translated faithfully (the namespace under
 * several prefixes, or `w` bound to another namespace).
 */
export function wordPrefixesOf(xml: string): WordPrefixes | null {
  const prefixes = new Set<string>();
  let namespace: string | null = null;
  let wBoundElsewhere = false;
  for (const m of xml.matchAll(DECLARATION)) {
    const prefix = m[1] ?? '';
    if (WORDML_NAMESPACES.has(m[3])) {
      prefixes.add(prefix);
      namespace = m[3];
    } else if (prefix === 'w') wBoundElsewhere = true;
  }
  if (namespace === null || (prefixes.size === 1 && prefixes.has('w'))) return null;
  if (wBoundElsewhere) throw new UnsupportedPrefixes('w bound to another namespace');
  const named = [...prefixes].filter((p) => p !== '');
  if (named.length > 1) throw new UnsupportedPrefixes('several prefixes');
  // Attributes need a prefix: with a default namespace they carry the one named prefix (there must be one).
  const attribute = named[0] ?? null;
  if (attribute === null) throw new UnsupportedPrefixes('no prefix for attributes');
  const element = prefixes.has('') ? '' : attribute;
  return { element, attribute, namespace, declaresW: prefixes.has('w') };
}

/** Calls `onTag(start, end)` for each start or end tag (not comments, declarations, CDATA or text). */
function forEachTag(xml: string, onTag: (start: number, end: number) => void): void {
  let i = xml.indexOf('<');
  while (i !== -1) {
    if (xml.startsWith('<!--', i)) i = xml.indexOf('-->', i) + 3;
    else if (xml.startsWith('<![CDATA[', i)) i = xml.indexOf(']]>', i) + 3;
    else if (xml[i + 1] === '?' || xml[i + 1] === '!') i = xml.indexOf('>', i) + 1;
    else {
      let j = i + 1;
      let quote = '';
      for (; j < xml.length; j++) {
        const ch = xml[j];
        if (quote) {
          if (ch === quote) quote = '';
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '>') break;
      }
      onTag(i, j + 1);
      i = j + 1;
    }
    if (i <= 0) return;
    i = xml.indexOf('<', i);
  }
}

const NAME = /^<(\/?)([^\s/>]+)/;
/** One attribute with its value, matched in turn from the end of the name: never inside a value. */
const ATTRIBUTE = /(\s+)([^\s=/>]+)(\s*=\s*)("[^"]*"|'[^']*')/g;

/**
 * Renames element and attribute prefixes tag by tag. `elementName`/`attributeName` return the new
 * name or null to keep it. Default-namespace scopes are tracked, so an unprefixed element in
 * another namespace (a nested xmlns="…") is never taken for WordprocessingML.
 */
function renameTags(xml: string, elementName: (name: string, inWordDefault: boolean) => string | null, attributeName: (name: string) => string | null): string {
  const out: string[] = [];
  let last = 0;
  const defaults: boolean[] = [];
  forEachTag(xml, (start, end) => {
    const tag = xml.slice(start, end);
    const m = NAME.exec(tag);
    if (!m) return;
    const closing = m[1] === '/';
    const selfClosing = tag.endsWith('/>');
    let inWordDefault = defaults.length > 0 ? defaults[defaults.length - 1] : false;
    if (!closing) {
      const declared = /\sxmlns\s*=\s*(["'])([^"']*)\1/.exec(tag);
      if (declared) inWordDefault = WORDML_NAMESPACES.has(declared[2]);
    } else {
      inWordDefault = defaults.pop() ?? false;
    }
    const newName = elementName(m[2], inWordDefault);
    let rewritten = newName === null ? tag : `<${m[1]}${newName}${tag.slice(m[0].length)}`;
    if (!closing) {
      const head = newName === null ? m[0].length : 1 + newName.length;
      rewritten = rewritten.slice(0, head) + rewritten.slice(head).replace(ATTRIBUTE, (all, space: string, name: string, eq: string, value: string) => {
        const renamed = attributeName(name);
        return renamed === null ? all : `${space}${renamed}${eq}${value}`;
      });
      if (!selfClosing) defaults.push(inWordDefault);
    }
    if (rewritten !== tag) {
      out.push(xml.slice(last, start), rewritten);
      last = end;
    }
  });
  out.push(xml.slice(last));
  return out.join('');
}

/** The mark the translation adds to the first start tag so the engine's `w:` is bound. */
const boundW = (p: WordPrefixes) => (p.declaresW ? '' : ` xmlns:w="${p.namespace}"`);

/** The document with its WordprocessingML under `w:`. */
export function toCanonicalPrefixes(xml: string, p: WordPrefixes): string {
  const renamed = renameTags(
    xml,
    (name, inWordDefault) => {
      if (p.element === '') return inWordDefault && !name.includes(':') ? `w:${name}` : null;
      return name.startsWith(`${p.element}:`) ? `w:${name.slice(p.element.length + 1)}` : null;
    },
    (name) => (name.startsWith(`${p.attribute}:`) ? `w:${name.slice(p.attribute.length + 1)}` : null),
  );
  return bindW(renamed, p);
}

/** The inverse of toCanonicalPrefixes: `w:` back to the document's own prefixes. */
export function fromCanonicalPrefixes(xml: string, p: WordPrefixes): string {
  const unbound = unbindW(xml, p);
  return renameTags(
    unbound,
    (name) => (name.startsWith('w:') ? (p.element === '' ? name.slice(2) : `${p.element}:${name.slice(2)}`) : null),
    (name) => (name.startsWith('w:') ? `${p.attribute}:${name.slice(2)}` : null),
  );
}

/** Adds the `w` declaration at the end of the root element's start tag. */
function bindW(xml: string, p: WordPrefixes): string {
  let rootEnd = -1;
  forEachTag(xml, (start, end) => {
    if (rootEnd === -1 && xml[start + 1] !== '/') rootEnd = end - (xml[end - 2] === '/' ? 2 : 1);
  });
  if (rootEnd === -1) return xml;
  return xml.slice(0, rootEnd) + boundW(p) + xml.slice(rootEnd);
}

function unbindW(xml: string, p: WordPrefixes): string {
  if (p.declaresW) return xml;
  const at = xml.indexOf(boundW(p));
  return at === -1 ? xml : xml.slice(0, at) + xml.slice(at + boundW(p).length);
}

/**
 * Translates a document for the engine and returns the way back. The round trip is checked on the
 * untouched text: when it does not give the document back exactly, fixing is refused (null).
 */
export function canonicalForm(xml: string): { xml: string; restore: (edited: string) => string } | null {
  let prefixes: WordPrefixes | null;
  try {
    prefixes = wordPrefixesOf(xml);
  } catch (error) {
    if (error instanceof UnsupportedPrefixes) return null;
    throw error;
  }
  if (!prefixes) return { xml, restore: (edited) => edited };
  const p = prefixes;
  const canonical = toCanonicalPrefixes(xml, p);
  if (fromCanonicalPrefixes(canonical, p) !== xml) return null;
  return { xml: canonical, restore: (edited) => fromCanonicalPrefixes(edited, p) };
}
