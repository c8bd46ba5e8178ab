import { useEffect } from 'react';
import type { StandaloneControls } from './standalone-controls';

/** In the browser page, leaving with fixes not downloaded asks first (the browser's own dialog). */
export function useUnsavedGuard(standalone: StandaloneControls | undefined): void {
  useEffect(() => {
    if (!standalone) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (!standalone.hasUnsavedChanges()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [standalone]);
}
