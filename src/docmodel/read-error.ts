/** Why a file could not be read. Messages are for the clerk in front of the screen, so they are Chinese. */
export type ReadErrorCode = 'legacy-doc' | 'encrypted' | 'corrupt' | 'not-word' | 'empty' | 'too-large' | 'embedded-content' | 'fix-refused' | 'own-report';

export class DocumentReadError extends Error {
  constructor(readonly code: ReadErrorCode, message: string) {
    super(message);
    this.name = 'DocumentReadError';
  }
}
