/**
 * Why Word refused or failed: typed like the .docx host's DocumentReadError (a code for the
 * program, a Chinese message for the clerk). Office.js errors carry a `code` string
 * (OfficeExtension.Error); everything the Word host throws goes through `wordHostError`.
 */
export type WordHostErrorCode =
  /** Read-only, protected (限制编辑) or opened in a view that cannot edit: Word's AccessDenied. */
  | 'read-only'
  /** Another author changed the document at the same time (co-authoring). */
  | 'conflict'
  /** Word on the web refused a request or response as too large. */
  | 'payload-too-large'
  /** Word could not export the document as OOXML. */
  | 'unreadable'
  /** The report sits in a frame table Word counts and the engine unwrapped: no safe addresses. */
  | 'frame-table'
  /** Anything else Word reported. */
  | 'word-error';

export class WordHostError extends Error {
  constructor(readonly code: WordHostErrorCode, message: string) {
    super(message);
    this.name = 'WordHostError';
  }
}

const MESSAGES: Record<Exclude<WordHostErrorCode, 'frame-table' | 'word-error' | 'unreadable'>, string> = {
  'read-only': '文档是只读的或受保护（限制编辑），无法修改。请点击 Word 顶部的“启用编辑”，或在“审阅 → 限制编辑”中停止保护后重试。',
  conflict: '文档正在被其他人同时编辑，Word 拒绝了这次修改。请等对方保存、Word 显示最新内容后重新检查再修复。',
  'payload-too-large': '文档内容太多，Word 网页版一次传不了这么多数据。请改用桌面版 Word，或逐项修复。',
};

/** Office's error code of a failed request ('AccessDenied', 'GeneralException', …), or null. */
export function officeErrorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

function codeOf(error: unknown): keyof typeof MESSAGES | 'word-error' {
  switch (officeErrorCode(error)) {
    case 'AccessDenied':
      return 'read-only';
    case 'Conflict':
    case 'EditModeCannotAcquireLock':
      return 'conflict';
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return 'payload-too-large';
    default:
      return 'word-error';
  }
}

/** The error as a WordHostError with a Chinese message; `doing` says what failed ("修复", "插入模板"). */
export function wordHostError(error: unknown, doing: string): WordHostError {
  if (error instanceof WordHostError) return error;
  const code = codeOf(error);
  if (code !== 'word-error') return new WordHostError(code, MESSAGES[code]);
  const detail = error instanceof Error ? error.message : String(error);
  return new WordHostError('word-error', `Word 未能完成${doing}（${officeErrorCode(error) ?? detail}）。请保存文档后重试；如仍失败，请在“设置”中复制诊断信息反馈。`);
}

/** True when Word refused because the document cannot be written. */
export const cannotWrite = (error: unknown): boolean => error instanceof WordHostError && error.code === 'read-only';
