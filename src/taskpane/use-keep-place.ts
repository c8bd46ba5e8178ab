import { useEffect, useRef } from 'react';

/**
 * After a finding is fixed or ignored its card goes: keyboard focus moves to the finding now in its
 * place (or to the summary when none is left), so the user keeps their place in the list.
 * `remember(index)` before the action; focus moves once `settled` (the check after it has run).
 */
export function useKeepPlace(settled: boolean, changes: unknown[]): (index: number) => void {
  const focusAt = useRef<number | null>(null);
  useEffect(() => {
    if (focusAt.current === null || !settled) return;
    const places = [...document.querySelectorAll<HTMLElement>('[data-testid="findings"] [data-testid="finding-place"]')]
      .filter((el) => !el.closest('[data-testid="ignored-findings"]'));
    const next = places[Math.min(focusAt.current, places.length - 1)]
      ?? document.querySelector<HTMLElement>('[data-testid="summary-total"], [data-testid="no-problems"]');
    focusAt.current = null;
    next?.focus();
  }, changes);
  return (index: number) => {
    focusAt.current = Math.max(0, index);
  };
}
