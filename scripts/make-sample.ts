/**
 * Regenerates samples/sample-report.docx: seed report 003 (a real 2024 township report) with a few
 * realistic defects, for `npm start` and, later, the task pane's "load sample" button.
 * Run: npx tsx scripts/make-sample.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSeedDocx, setApplicationsValue, setReviewValue, setRowLabel, type ReportSpec } from '../test/support/fixtures';

/** The seed's text says no applications came in; the sample's 表三 has 3, so the text says so too. */
const threeApplications = (spec: ReportSpec): ReportSpec => ({
  blocks: spec.blocks.map((b) => (b.kind === 'paragraph'
    ? { ...b, text: b.text.replace('未收到政府信息公开申请，', '收到政府信息公开申请3件，').replace('2024年未收到依申请公开事宜。', '2024年收到依申请公开3件。'), runs: undefined }
    : b)),
});

buildSeedDocx('003', (spec) => {
  let s = setApplicationsValue(threeApplications(spec), '一、本年新收政府信息公开申请数量', '自然人', '3');
  s = setApplicationsValue(s, '一、本年新收政府信息公开申请数量', '总计', '3');
  s = setApplicationsValue(s, '（一）予以公开', '自然人', '2');
  s = setApplicationsValue(s, '（一）予以公开', '总计', '2');
  s = setApplicationsValue(s, '（七）总计', '自然人', '2');
  s = setApplicationsValue(s, '（七）总计', '总计', '3');
  s = setApplicationsValue(s, '四、结转下年度继续办理', '自然人', '1');
  s = setApplicationsValue(s, '四、结转下年度继续办理', '总计', '1');
  s = setRowLabel(s, '1.属于国家秘密', '1.属于国家机密');
  s = setReviewValue(s, '行政复议', '尚未审结', '');
  return setReviewValue(s, '复议后起诉', '结果维持', '无');
}).then((bytes) => writeFileSync(resolve(__dirname, '../samples/sample-report.docx'), bytes));
