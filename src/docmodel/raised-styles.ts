import { canonicalForm } from '../ooxml/canonical-prefixes';
import { decodeXml, relationshipsOf, resolvePartName } from './open-package';

/**
 * Character styles that raise their text as superscript. A note mark is often not formatted
 * directly (w:vertAlign on the run) but through a style such as Word's 脚注引用 / FootnoteReference,
 * or one based on it: a run in such a style holds a note mark, not more digits ("570¹" is 570).
 */

const STYLE = /<w:style\b([^>]*?)(?:\/>|>([\s\S]*?)<\/w:style>)/g;
const STYLE_ID = /\bw:styleId\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const BASED_ON = /<w:basedOn\b[^>]*?\bw:val\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const RUN_PROPERTIES = /<w:rPr\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:rPr>)/;
const VERT_ALIGN = /<w:vertAlign\b[^>]*?\bw:val\s*=\s*(?:"([^"]*)"|'([^']*)')/;

const valueOf = (m: RegExpMatchArray | null) => (m ? m[1] ?? m[2] : null);

/**
 * The ids of the styles whose text is superscript, read from WordprocessingML under `w:` (a
 * styles.xml, or a flat OPC package that contains one). A style's own w:vertAlign wins over the one
 * it inherits through w:basedOn.
 */
export function raisedStyleIds(xml: string): ReadonlySet<string> {
  const raised = new Set<string>();
  // Most documents raise nothing; skip the scan when nothing in them could.
  if (!xml.includes('vertAlign') || !xml.includes('<w:style')) return raised;
  const styles = new Map<string, { basedOn: string | null; vertAlign: string | null }>();
  for (const m of xml.matchAll(STYLE)) {
    const id = valueOf(m[1].match(STYLE_ID));
    if (id === null) continue;
    const body = m[2] ?? '';
    const runProperties = body.match(RUN_PROPERTIES)?.[1] ?? '';
    styles.set(id, { basedOn: valueOf(body.match(BASED_ON)), vertAlign: valueOf(runProperties.match(VERT_ALIGN)) });
  }
  for (const id of styles.keys()) {
    // Follow w:basedOn to the first style that says; a chain that loops says nothing.
    const seen = new Set<string>();
    for (let at: string | null = id; at !== null && !seen.has(at); at = styles.get(at)?.basedOn ?? null) {
      seen.add(at);
      const vertAlign = styles.get(at)?.vertAlign;
      if (vertAlign) {
        if (vertAlign === 'superscript') raised.add(id);
        break;
      }
    }
  }
  return raised;
}

const STYLES_RELATIONSHIP = /\/styles$/;

/**
 * The raised styles of a .docx: from the styles part the main part's relationships name (or
 * styles.xml beside it), whatever prefix it binds WordprocessingML to. `read` gives a part's bytes.
 */
export function raisedStylesOfPackage(mainPart: string, read: (partName: string) => Uint8Array | null | undefined): ReadonlySet<string> {
  const folder = mainPart.replace(/[^/]+$/, '');
  const rels = read(mainPart.replace(/([^/]+)$/, '_rels/$1.rels'));
  const named = rels ? relationshipsOf(decodeXml(rels)).find((r) => !r.external && STYLES_RELATIONSHIP.test(r.type)) : undefined;
  const styles = read(named ? resolvePartName(folder, named.target) : `${folder}styles.xml`);
  if (!styles) return new Set();
  const xml = decodeXml(styles);
  if (!xml.includes('vertAlign')) return new Set(); // no style raises anything: skip translating the prefixes
  return raisedStyleIds(canonicalForm(xml)?.xml ?? xml);
}
