/**
 * What the page needs in a plain browser, beyond the ReportHost: choosing the document and saving
 * the result. Implemented by src/hosts/browser/standalone-host.ts; components get it as a prop.
 */
export interface StandaloneControls {
  /** Name of the open file, or null before one is opened. */
  currentFileName(): string | null;
  /**
   * Opens a .docx from bytes. Throws DocumentReadError (Chinese message) for unreadable input;
   * the document open before, if any, stays open.
   */
  open(bytes: Uint8Array, fileName: string): Promise<void>;
  /** Opens a file the user picked or dropped (reads it, then as `open`). */
  openFile(file: Blob & { name: string }): Promise<void>;
  /** Opens the bundled sample report. */
  loadSample(): Promise<void>;
  /** Saves the document as it is now (with the fixes applied) as `<name>.fixed.docx`. */
  download(): void;
  /** The name `download` saves under, for the button's label. */
  downloadName(): string | null;
  /** Fixes were made since the file was opened or last downloaded: leaving would lose them. */
  hasUnsavedChanges(): boolean;
  /** The page's copy differs from the file as opened (a fix was made and not undone). */
  hasChanges(): boolean;
  /** Saves other bytes (the audit record) as a download. */
  saveAs(bytes: Uint8Array, fileName: string, mimeType: string): void;
}
