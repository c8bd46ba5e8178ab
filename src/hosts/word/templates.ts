import { reportSkeletonXml, standardTableXml, templateYear } from '../../generate';
import { paragraph, SIZES } from '../../generate/ooxml';
import { CURRENT_VARIANT, template } from '../../template';
import type { CheckOptions, TemplateChoice } from '../../taskpane/report-host';
import { flatOpcPackage } from './flat-opc';

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
 * Inserts at the cursor; when the cursor is inside a table, after the outermost table around it
 * (never nested), separated by an empty paragraph so Word does not join the two tables.
 */
export function insertTemplateInWord(run: typeof Word.run, what: TemplateChoice, options: CheckOptions): Promise<void> {
  const xml = templateXml(what, options);
  return run(async (context) => {
    const selection = context.document.getSelection();
    let table = selection.parentTableOrNullObject;
    table.load('nestingLevel');
    await context.sync();
    if (table.isNullObject) {
      selection.insertOoxml(flatOpcPackage(xml), 'After');
    } else {
      while (table.nestingLevel > 1) {
        table = table.parentTableOrNullObject;
        table.load('nestingLevel');
        await context.sync();
      }
      table.getRange('Whole').insertOoxml(flatOpcPackage(`<w:p/>${xml}`), 'After');
    }
    await context.sync();
  });
}
