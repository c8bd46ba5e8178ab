import type { Diagnostic } from '../rules';
import { describePlace, ruleMeta } from '../rules';

/** What became of a finding: still open, fixed (by the pane or the CLI), or ignored by the user. */
export type AuditState = 'open' | 'fixed' | 'ignored';

export const AUDIT_STATE_NAMES: Record<AuditState, string> = { open: '待处理', fixed: '已修复', ignored: '已忽略' };

/** One line of the 检查记录. */
export interface AuditRow {
  place: string;
  severity: '错误' | '警告';
  /** The rule's name and id: 单元格为空（empty-cell）. */
  rule: string;
  message: string;
  state: AuditState;
  /** What the fix did (fixed rows), else empty. */
  action: string;
  /** Who acted, where known (empty otherwise: the browser and the CLI know no user). */
  who: string;
  /** When it was done (ISO 8601), where known. */
  when: string;
}

/** A fix or 忽略 made in this session, with its time. */
export interface AuditEvent {
  diagnostic: Diagnostic;
  state: Exclude<AuditState, 'open'>;
  action: string;
  at: Date;
  who?: string;
}

export interface AuditInput {
  /** The findings of the last check. */
  diagnostics: readonly Diagnostic[];
  /** Keys of the ignored findings, and how to key a diagnostic. */
  ignoredKeys: ReadonlySet<string>;
  keyOf: (d: Diagnostic) => string;
  /** Fixes and 忽略 of this session (fixed findings are no longer among the diagnostics). */
  events: readonly AuditEvent[];
  /** How a place is written (the pane's breadcrumb; the CLI's describePlace by default). */
  placeOf?: (d: Diagnostic) => string;
}

const SEVERITY = { error: '错误', warning: '警告' } as const;

/** Every finding with its state: the fixed ones first (in the order fixed), then the current findings. */
export function auditRows({ diagnostics, ignoredKeys, keyOf, events, placeOf = defaultPlace }: AuditInput): AuditRow[] {
  const lastEvent = new Map<string, AuditEvent>();
  for (const e of events) lastEvent.set(keyOf(e.diagnostic), e);
  const current = new Set(diagnostics.map(keyOf));
  const row = (d: Diagnostic, state: AuditState, event?: AuditEvent): AuditRow => ({
    place: placeOf(d),
    severity: SEVERITY[d.severity],
    rule: `${ruleMeta(d.rule).name}（${d.rule}）`,
    message: d.message,
    state,
    action: state === 'fixed' ? event?.action ?? '' : '',
    who: event?.who ?? '',
    when: event ? event.at.toISOString() : '',
  });
  // A fixed finding that came back (undone, or typed again) is listed as it is now, not as fixed.
  const fixed = events.filter((e) => e.state === 'fixed' && !current.has(keyOf(e.diagnostic)));
  return [
    ...fixed.map((e) => row(e.diagnostic, 'fixed', e)),
    ...diagnostics.map((d) => {
      const ignored = ignoredKeys.has(keyOf(d));
      const event = lastEvent.get(keyOf(d));
      return row(d, ignored ? 'ignored' : 'open', ignored && event?.state === 'ignored' ? event : undefined);
    }),
  ];
}

const defaultPlace = (d: Diagnostic) => describePlace(d.table, d.row, d.column);
