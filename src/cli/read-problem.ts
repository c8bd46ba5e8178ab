const REASONS: Record<string, string> = {
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
  ENOENT: '文件或文件夹不存在',
  ENOTDIR: '路径中有一项不是文件夹',
  EISDIR: '这是文件夹，不是文件',
  ELOOP: '符号链接形成循环',
  EMFILE: '同时打开的文件过多',
  EBUSY: '文件正被其他程序占用',
  EIO: '读取时发生磁盘错误',
  ERR_FS_FILE_TOO_LARGE: '文件过大',
};

/** A file-system error as the clerk should read it: what went wrong, in Chinese, with the system's code for the administrator. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reason = code ? REASONS[code] : undefined;
  if (reason) return `${reason}（${code}）。`;
  return `无法打开（${code ?? (error as Error)?.message ?? String(error)}）。`;
}
