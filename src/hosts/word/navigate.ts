import type { Location } from '../../rules';

/** Selects a finding's cell (its row when the finding has no cell) or paragraph. */
export function revealInWord(run: typeof Word.run, location: Location): Promise<void> {
  return run(async (context) => {
    const body = context.document.body;
    if ('paragraphIndex' in location) {
      const paragraphs = body.paragraphs.load('items');
      await context.sync();
      paragraphs.items[location.paragraphIndex]?.select();
    } else {
      const tables = body.tables.load('items/nestingLevel');
      await context.sync();
      const table = tables.items.filter((t) => t.nestingLevel === 1)[location.tableIndex];
      if (!table) return;
      if (location.cellIndex === null) table.getCell(location.rowIndex, 0).parentRow.select();
      else table.getCell(location.rowIndex, location.cellIndex).body.select();
    }
    await context.sync();
  });
}
