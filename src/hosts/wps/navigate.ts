import type { Location } from '../../rules';
import { readWpsSnapshot } from './read';
import type { WpsDocument } from './wps-api';

/** Selects a finding's cell (the row's first cell when it has none) or paragraph; a merged-away cell selects nothing. */
export function revealInWps(document: WpsDocument, location: Location): void {
  if ('paragraphIndex' in location) {
    readWpsSnapshot(document).paragraphs[location.paragraphIndex]?.Range.Select();
    return;
  }
  if (location.tableIndex >= document.Tables.Count) return;
  const table = document.Tables.Item(location.tableIndex + 1);
  try {
    table.Cell(location.rowIndex + 1, (location.cellIndex ?? 0) + 1).Select();
  } catch {
    // merged away in WPS: nothing to select
  }
}
