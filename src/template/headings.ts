import type { Heading } from './schema';

/** The six section headings (same in both formats) and the wordings the notice itself also uses. */
export const headings: Heading[] = [
  { numeral: '一', title: '总体情况', acceptedTitles: [], table: null },
  { numeral: '二', title: '主动公开政府信息情况', acceptedTitles: [], table: 'active' },
  { numeral: '三', title: '收到和处理政府信息公开申请情况', acceptedTitles: [], table: 'applications' },
  {
    numeral: '四', title: '政府信息公开行政复议、行政诉讼情况',
    acceptedTitles: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况'], table: 'review',
  },
  {
    numeral: '五', title: '存在的主要问题及改进情况',
    acceptedTitles: ['政府信息公开工作存在的主要问题及改进情况'], table: null,
  },
  { numeral: '六', title: '其他需要报告的事项', acceptedTitles: [], table: null },
];
