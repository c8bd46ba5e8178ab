import { reportSkeletonXml, standardTableXml, templateYear } from '../../generate';
import { paragraph, SIZES } from '../../generate/ooxml';
import { CURRENT_VARIANT, template } from '../../template';
import type { CheckOptions, TemplateChoice } from '../report-host';
import { wordHostError } from './errors';
import { flatOpcPackage } from './flat-opc';
import { separatedFromTables } from './write';

/** Body content for a template choice; the standard tables come with their section headings. */
export function templateXml(what: TemplateChoice, options: Pick<CheckOptions, 'currentYear' | 'reportYear'>): string {
  // A report is written early in the year about the year before.
  const year = templateYear(options.reportYear, options.currentYear);
  if (what === 'report') return reportSkeletonXml({ agency: '', year });
  if (what !== 'tables') return standardTableXml(what, CURRENT_VARIANT);
  return template.headings
    .filter((h) => h.table !== null)
    .map((h) => paragraph(`${h.numeral}、${h.title}`, { keepNext: true }, { font: 'heading', size: SIZES.body }) + standardTableXml(h.table!, CURRENT_VARIANT))
    .join('');
}

/**
 * Inserts after the paragraph that holds the cursor — never at the caret, which would split that
 * paragraph — or, when the cursor is inside a table, after the outermost table around it (never
 * nested). Inserted tables are kept apart from a neighbouring table by an empty paragraph, since
 * Word joins tables that touch.
 */
export function insertTemplateInWord(run: typeof Word.run, what: TemplateChoice, options: CheckOptions): Promise<void> {
  const xml = templateXml(what, options);
  return run(async (context) => {
    const selection = context.document.getSelection();
    let table = selection.parentTableOrNullObject;
    table.load('nestingLevel');
    await context.sync();
    if (table.isNullObject) {
      selection.paragraphs.getFirst().getRange('Whole').insertOoxml(flatOpcPackage(separatedFromTables(xml, false, true)), 'After');
    } else {
      while (table.nestingLevel > 1) {
        table = table.parentTableOrNullObject;
        table.load('nestingLevel');
        await context.sync();
      }
      table.getRange('Whole').insertOoxml(flatOpcPackage(separatedFromTables(xml, true, true)), 'After');
    }
    await context.sync();
  }).catch((error: unknown) => {
    throw wordHostError(error, '插入模板');
  });
}
