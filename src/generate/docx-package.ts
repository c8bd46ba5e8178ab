import { strToU8, zipSync, type Zippable } from 'fflate';
import { escapeXml, FONTS, LATIN_FONT, SIZES, W_NS } from './ooxml';
import { reportSkeletonXml, reportTitle, type ReportSkeletonOptions } from './report-ooxml';

/*
 * A minimal, valid .docx around generated body content: the parts Word needs (content types,
 * relationships, document, styles, settings), a font table naming the usual substitutes, and a
 * footer with the page number. Pure: fflate's zipSync only, no Node or DOM APIs.
 */

/** Page margins in twips. */
export interface PageMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface DocumentXmlOptions {
  /** Default: 公文 margins (GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm). */
  margins?: Partial<PageMargins>;
  /** Write the page-number footer reference (needs the footer part buildDocx adds). Default true. */
  pageNumbers?: boolean;
}

export interface BuildDocxOptions {
  /** dc:title of the package (docProps/core.xml). */
  title?: string;
}

/** A4 portrait in twips. */
export const A4 = { width: 11906, height: 16838 } as const;
export const OFFICIAL_MARGINS: PageMargins = { top: 2098, bottom: 1984, left: 1588, right: 1474 };
/** Header and footer distance from the page edge (15 mm / 28 mm from the bottom is customary). */
const HEADER_DISTANCE = 851;
const FOOTER_DISTANCE = 992;

const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The namespaces Word writes on w:document (only w and r are used; the others keep Word at ease). */
const DOCUMENT_NAMESPACES = [
  ['wpc', 'http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas'],
  ['mc', 'http://schemas.openxmlformats.org/markup-compatibility/2006'],
  ['o', 'urn:schemas-microsoft-com:office:office'],
  ['r', R_NS],
  ['m', 'http://schemas.openxmlformats.org/officeDocument/2006/math'],
  ['v', 'urn:schemas-microsoft-com:vml'],
  ['wp14', 'http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing'],
  ['wp', 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing'],
  ['w10', 'urn:schemas-microsoft-com:office:word'],
  ['w', W_NS],
  ['w14', 'http://schemas.microsoft.com/office/word/2010/wordml'],
  ['w15', 'http://schemas.microsoft.com/office/word/2012/wordml'],
  ['wpg', 'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup'],
  ['wpi', 'http://schemas.microsoft.com/office/word/2010/wordprocessingInk'],
  ['wne', 'http://schemas.microsoft.com/office/word/2006/wordml'],
  ['wps', 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape'],
] as const;
const IGNORABLE = 'w14 w15 wp14';

const FOOTER_ID = 'rIdFooter1';

/** Wraps body content (w:p / w:tbl) into a complete w:document with an A4 公文 section. */
export function documentXml(bodyContent: string, options: DocumentXmlOptions = {}): string {
  const m = { ...OFFICIAL_MARGINS, ...options.margins };
  const namespaces = DOCUMENT_NAMESPACES.map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`).join(' ');
  const footer = options.pageNumbers === false ? '' : `<w:footerReference w:type="default" r:id="${FOOTER_ID}"/>`;
  const sectPr = '<w:sectPr>'
    + footer
    + `<w:pgSz w:w="${A4.width}" w:h="${A4.height}"/>`
    + `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${HEADER_DISTANCE}" w:footer="${FOOTER_DISTANCE}" w:gutter="0"/>`
    + '<w:cols w:space="425"/>'
    + '<w:docGrid w:type="lines" w:linePitch="312"/>'
    + '</w:sectPr>';
  return `${XML_DECL}<w:document ${namespaces} mc:Ignorable="${IGNORABLE}"><w:body>${bodyContent}${sectPr}</w:body></w:document>`;
}

/** A .docx package (zip bytes) holding the given w:document XML. */
export function buildDocx(documentXml: string, options: BuildDocxOptions = {}): Uint8Array {
  const withFooter = documentXml.includes(`r:id="${FOOTER_ID}"`);
  const files: Record<string, string> = {
    '[Content_Types].xml': contentTypes(withFooter),
    '_rels/.rels': packageRels(),
    'word/document.xml': documentXml,
    'word/_rels/document.xml.rels': documentRels(withFooter),
    'word/styles.xml': stylesXml(),
    'word/settings.xml': settingsXml(),
    'word/fontTable.xml': fontTableXml(),
    'docProps/core.xml': coreXml(options.title),
    'docProps/app.xml': appXml(),
  };
  if (withFooter) files['word/footer1.xml'] = footerXml();
  const zippable: Zippable = {};
  // A fixed timestamp keeps the bytes reproducible for the same input.
  for (const [name, text] of Object.entries(files)) zippable[name] = [strToU8(text), { mtime: FIXED_MTIME }];
  return zipSync(zippable, { level: 6 });
}

const FIXED_MTIME = new Date(2021, 8, 26, 0, 0, 0);

/** A blank standard report (2021 format, zeros) as .docx bytes. */
export function blankReportDocx(options: ReportSkeletonOptions): Uint8Array {
  return buildDocx(documentXml(reportSkeletonXml(options)), { title: reportTitle(options.agency, options.year) });
}

// ── package parts ─────────────────────────────────────────────────────────

const WML_CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

function contentTypes(withFooter: boolean): string {
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  return XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + override('/word/document.xml', `${WML_CT}.document.main+xml`)
    + override('/word/styles.xml', `${WML_CT}.styles+xml`)
    + override('/word/settings.xml', `${WML_CT}.settings+xml`)
    + override('/word/fontTable.xml', `${WML_CT}.fontTable+xml`)
    + (withFooter ? override('/word/footer1.xml', `${WML_CT}.footer+xml`) : '')
    + override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml')
    + override('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml')
    + '</Types>';
}

function packageRels(): string {
  return XML_DECL + `<Relationships xmlns="${PKG_REL_NS}">`
    + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>`
    + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    + `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>`
    + '</Relationships>';
}

function documentRels(withFooter: boolean): string {
  return XML_DECL + `<Relationships xmlns="${PKG_REL_NS}">`
    + `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>`
    + `<Relationship Id="rIdSettings" Type="${REL}/settings" Target="settings.xml"/>`
    + `<Relationship Id="rIdFontTable" Type="${REL}/fontTable" Target="fontTable.xml"/>`
    + (withFooter ? `<Relationship Id="${FOOTER_ID}" Type="${REL}/footer" Target="footer1.xml"/>` : '')
    + '</Relationships>';
}

const fontsAttr = (eastAsia: string, latin = LATIN_FONT) =>
  `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${escapeXml(eastAsia)}" w:cs="${latin}"/>`;

function stylesXml(): string {
  const border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';
  return XML_DECL + `<w:styles xmlns:w="${W_NS}">`
    + '<w:docDefaults>'
    + `<w:rPrDefault><w:rPr>${fontsAttr(FONTS.body.eastAsia)}<w:kern w:val="2"/><w:sz w:val="${SIZES.body}"/><w:szCs w:val="${SIZES.body}"/>`
    + '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    + '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault>'
    + '</w:docDefaults>'
    + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
    + `<w:rPr>${fontsAttr(FONTS.body.eastAsia)}<w:sz w:val="${SIZES.body}"/><w:szCs w:val="${SIZES.body}"/></w:rPr></w:style>`
    + '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    + '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    + '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    + '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    + '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
    + `<w:tblPr><w:tblBorders><w:top ${border}/><w:left ${border}/><w:bottom ${border}/><w:right ${border}/><w:insideH ${border}/><w:insideV ${border}/></w:tblBorders></w:tblPr></w:style>`
    + '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    + '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4153"/><w:tab w:val="right" w:pos="8306"/></w:tabs><w:snapToGrid w:val="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>'
    + '</w:styles>';
}

function settingsXml(): string {
  return XML_DECL + `<w:settings xmlns:w="${W_NS}">`
    + '<w:zoom w:percent="100"/>'
    + '<w:bordersDoNotSurroundHeader/><w:bordersDoNotSurroundFooter/>'
    + '<w:defaultTabStop w:val="420"/>'
    + '<w:drawingGridVerticalSpacing w:val="156"/>'
    + '<w:characterSpacingControl w:val="compressPunctuation"/>'
    + '<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>'
    + '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    + '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
    + '</w:settings>';
}

/** Fonts used, each with the substitute Word and LibreOffice should take when it is not installed. */
function fontTableXml(): string {
  const font = (name: string, altName: string | null, charset: string, family: string) =>
    `<w:font w:name="${escapeXml(name)}">${altName && altName !== name ? `<w:altName w:val="${escapeXml(altName)}"/>` : ''}`
    + `<w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;
  return XML_DECL + `<w:fonts xmlns:w="${W_NS}">`
    + font(LATIN_FONT, null, '00', 'roman')
    + [FONTS.body, FONTS.heading, FONTS.title].map((f) => font(f.eastAsia, f.fallback, '86', 'modern')).join('')
    + '</w:fonts>';
}

/** Footer: the page number as — 1 —, centred, 四号 半角宋体 as customary in 公文. */
function footerXml(): string {
  const rPr = '<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>';
  const text = (t: string) => `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>`;
  return XML_DECL + `<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}">`
    + `<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>${text('— ')}`
    + `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rPr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>`
    + `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>${text('1')}<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`
    + `${text(' —')}</w:p></w:ftr>`;
}

function coreXml(title: string | undefined): string {
  return XML_DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + (title ? `<dc:title>${escapeXml(title)}</dc:title>` : '')
    + '<dc:creator>nianbao-lint</dc:creator>'
    + '</cp:coreProperties>';
}

function appXml(): string {
  return XML_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    + '<Application>nianbao-lint</Application>'
    + '</Properties>';
}
