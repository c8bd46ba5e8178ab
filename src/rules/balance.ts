import { arithmeticFindings } from './arithmetic/findings';
import { docsPath, type Rule } from './types';

/** R1: in each column of 表三, 一 + 二 = 三（七）总计 + 四. */
export const balance: Rule = {
  meta: { id: 'balance', severity: 'error', fixes: 'suggestion', name: '申请数量不平衡（一＋二＝三＋四）', description: '表三勾稽关系不平衡（R1：一＋二＝三＋四）', docs: docsPath('balance') },
  check: ({ report, document }) => arithmeticFindings(report, document).filter((d) => d.rule === 'balance'),
};
