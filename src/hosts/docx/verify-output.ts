import { SaxesParser } from 'saxes';
import { DocumentReadError } from '../../docmodel';

/**
 * The last check before a fixed part is written: it must be namespace-well-formed XML (every
 * prefix bound, every tag closed), so a fix can never turn a readable file into one Word refuses.
 * A failure here is a bug in an edit: nothing is written and the user is told so.
 */
export function assertWellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new DocumentReadError('fix-refused', `修复结果未通过 XML 校验，没有写入（${(error as Error).message.slice(0, 120)}）。原文件未改动；请把此文件反馈给开发者。`);
  }
}
