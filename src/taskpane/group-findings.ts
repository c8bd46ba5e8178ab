import type { Diagnostic, RuleId, Severity } from '../rules';
import { FINDING_AREAS, findingArea, type FindingArea } from './labels';
import { findingKey } from '../hosts/report-host';

/** A finding with its ignore key (computed once, used for React keys and the ignore list). */
export interface Finding {
  /** The ignore key (findingKey). */
  key: string;
  /** Unique among the findings of one check (React key, element ids). */
  id: string;
  diagnostic: Diagnostic;
}

export interface RuleGroup {
  rule: RuleId;
  findings: Finding[];
}

export interface AreaGroup {
  area: FindingArea;
  rules: RuleGroup[];
}

export type SeverityCounts = Record<Severity, number>;

/**
 * Two findings can share a key (the same rule at the same row and column of a table split in
 * two); a numeric suffix keeps React keys unique while the ignore key stays the contract's.
 */
export function toFindings(diagnostics: readonly Diagnostic[]): Finding[] {
  return diagnostics.map((diagnostic, n) => ({ key: findingKey(diagnostic), id: `finding-${n}`, diagnostic }));
}

/** Findings by table (表二, 表三, 表四, then headings, then 正文), then by rule in order of first appearance. */
export function groupFindings(findings: readonly Finding[]): AreaGroup[] {
  return FINDING_AREAS.map((area) => {
    const rules = new Map<RuleId, Finding[]>();
    for (const f of findings) {
      if (findingArea(f.diagnostic) !== area) continue;
      const list = rules.get(f.diagnostic.rule) ?? [];
      list.push(f);
      rules.set(f.diagnostic.rule, list);
    }
    return { area, rules: [...rules].map(([rule, list]) => ({ rule, findings: list })) };
  }).filter((g) => g.rules.length > 0);
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0 };
  for (const f of findings) counts[f.diagnostic.severity]++;
  return counts;
}

export function countByArea(findings: readonly Finding[]): Record<FindingArea, SeverityCounts> {
  const result = Object.fromEntries(FINDING_AREAS.map((a) => [a, { error: 0, warning: 0 }])) as Record<FindingArea, SeverityCounts>;
  for (const f of findings) result[findingArea(f.diagnostic)][f.diagnostic.severity]++;
  return result;
}
