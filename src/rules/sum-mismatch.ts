import { arithmeticFindings } from './arithmetic/findings';
import { docsPath, type Rule } from './types';

/** R2, R3, R4: a total that differs from the sum of its parts. */
export const sumMismatch: Rule = {
  meta: { id: 'sum-mismatch', severity: 'error', fixes: 'fix', name: '合计与各项之和不符', description: '合计与各项之和不符（R2、R3、R4）', docs: docsPath('sum-mismatch') },
  check: ({ report, document }) => arithmeticFindings(report, document).filter((d) => d.rule === 'sum-mismatch'),
};
