import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckOptions, CheckResult, ReportHost } from '../hosts/report-host';

/** Typing pauses shorter than this do not trigger a check. */
export const RECHECK_DELAY_MS = 800;

export interface ReportCheck {
  result: CheckResult | null;
  checking: boolean;
  /** Why the last check failed (Chinese), or null. */
  error: string | null;
  /** Checks now; resolves with the new result (null if it failed or a newer check superseded it). */
  recheck: () => Promise<CheckResult | null>;
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Checks the document when `enabled` (and again when `revision` or the report year changes), and
 * after the host reports changes, debounced. Checks are asynchronous, so typing is never blocked;
 * a result arriving after a newer check started is dropped.
 */
export function useReportCheck(host: ReportHost, options: CheckOptions, enabled: boolean, revision: number): ReportCheck {
  const [result, setResult] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const recheck = useCallback(async (): Promise<CheckResult | null> => {
    const mine = ++latest.current;
    setChecking(true);
    try {
      const r = await host.check(optionsRef.current);
      if (mine !== latest.current) return null;
      setResult(r);
      setError(null);
      return r;
    } catch (e) {
      if (mine === latest.current) setError(errorMessage(e));
      return null;
    } finally {
      if (mine === latest.current) setChecking(false);
    }
  }, [host]);

  useEffect(() => {
    if (enabled) void recheck();
  }, [enabled, revision, options.reportYear, options.previousYear, recheck]);

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = host.watchChanges(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void recheck(), RECHECK_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [host, enabled, recheck]);

  return { result, checking, error, recheck };
}
