/** office.js normally reports within a second; past this, the page is not in Office. */
const OFFICE_READY_TIMEOUT_MS = 5000;

/**
 * Whether the page runs inside Word: office.js loaded (there is an `Office` global) and reports a
 * Word host. Without office.js (offline, blocked, a plain browser) the answer is no, quickly.
 */
export async function runningInWord(scope: { Office?: typeof Office } = globalThis as { Office?: typeof Office }): Promise<boolean> {
  const office = scope.Office;
  if (!office || typeof office.onReady !== 'function') return false;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS));
  const info = await Promise.race([office.onReady(), timeout]).catch(() => null);
  return info?.host === (office.HostType?.Word ?? 'Word');
}
