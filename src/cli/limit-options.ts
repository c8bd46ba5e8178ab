import { statSync } from 'node:fs';
import { DEFAULT_LIMITS, type PackageLimits } from '../docmodel';
import { tooLarge } from '../docmodel/zip-archive';

const MB = 1024 * 1024;

/** The parseArgs options that raise the size limits (lint and fix). */
export const LIMIT_OPTIONS = {
  'max-part-mb': { type: 'string' },
  'max-total-mb': { type: 'string' },
} as const;

export const LIMITS_USAGE = `  --max-part-mb <MB>    单个部件（正文）解压后的上限，默认 ${DEFAULT_LIMITS.maxPartBytes / MB}
  --max-total-mb <MB>   一个文件读取的内容解压后合计的上限（也是文件本身的上限），默认 ${DEFAULT_LIMITS.maxTotalBytes / MB}`;

/** The limits the options ask for, or a Chinese reason they are invalid. */
export function limitsFrom(values: { 'max-part-mb'?: string; 'max-total-mb'?: string }): PackageLimits | string {
  const read = (option: string, given: string | undefined, fallback: number): number | string => {
    if (given === undefined) return fallback;
    const mb = Number(given);
    return /^\d+(\.\d+)?$/.test(given.trim()) && mb > 0 && mb <= 64 * 1024 ? Math.round(mb * MB) : `--${option} 需要一个正数（单位 MB），不是“${given}”。`;
  };
  const part = read('max-part-mb', values['max-part-mb'], DEFAULT_LIMITS.maxPartBytes);
  const total = read('max-total-mb', values['max-total-mb'], DEFAULT_LIMITS.maxTotalBytes);
  if (typeof part === 'string') return part;
  if (typeof total === 'string') return total;
  return { maxPartBytes: part, maxTotalBytes: Math.max(total, part) };
}

/**
 * Why a file is not read at all: it is not a regular file (reading a named pipe would wait forever)
 * or it is larger than everything it may inflate to. Null when it may be read, or when stat fails
 * (reading it then gives the precise reason).
 */
export function inputProblem(path: string, limits: PackageLimits): string | null {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return null;
  }
  if (!stats.isFile()) return '不是普通文件（可能是命名管道或设备），未读取。';
  if (stats.size > limits.maxTotalBytes) return tooLarge('文件', limits.maxTotalBytes, '--max-total-mb').message;
  return null;
}
