import { strict as assert } from 'node:assert';
import { lintDocx } from '../../src/engine';
import { fixAllDocx } from '../../src/hosts/docx';
import { columnLabel } from '../../src/rules/column-label';
import { rowLabel } from '../../src/rules/row-label';
import { buildSeedDocx, setRowLabel } from '../support/fixtures';
import { ruleTester } from '../support/rule-tester';

const OPTIONS = { currentYear: 2026 };
const FEE = '本年收费金额（单位：万元）';

ruleTester(rowLabel, {
  valid: [
    { name: 'a note mark after a row label', mutate: (s) => setRowLabel(s, '1.属于国家秘密', '1.属于国家秘密*') },
    { name: 'a note in words after a row label', mutate: (s) => setRowLabel(s, '行政许可', '行政许可（含备案）') },
  ],
  invalid: [
    { name: 'a wrong word before a note mark', mutate: (s) => setRowLabel(s, '1.属于国家秘密', '1.属于国家机密*'), errors: [{ row: '1.属于国家秘密', fixable: true }] },
  ],
});

ruleTester(columnLabel, {
  valid: [
    { name: '自然人（含外籍）', mutate: (s) => setRowLabel(s, '自然人', '自然人（含外籍）') },
    { name: 'the fee unit written （万元）', mutate: (s) => setRowLabel(s, FEE, '本年收费金额（万元）') },
    { name: 'a 2019 header with its unit: 采购总金额（元）', seed: '000', mutate: (s) => setRowLabel(s, '采购总金额', '采购总金额（元）') },
  ],
  invalid: [
    { name: 'a wrong word before a note', mutate: (s) => setRowLabel(s, '法律服务机构', '法律服务结构（含律所）'), errors: [{ column: '法律服务机构', fixable: true }] },
    { name: 'fees in 元: never relabelled 万元', mutate: (s) => setRowLabel(s, FEE, '本年收费金额（单位：元）'), errors: [{ column: FEE, severity: 'warning', fixable: false, messageIncludes: ['换算'] }] },
  ],
});

describe('label fixes keep note marks', () => {
  const fixedTexts = async (from: string, to: string) => {
    const result = fixAllDocx(await buildSeedDocx('002', (s) => setRowLabel(s, from, to)), OPTIONS);
    return result.remaining.report.tables.flatMap((t) => t.parts.flatMap((p) => p.rows.flatMap((r) => r.cells.map((c) => c.text))));
  };

  it('row label: 1.属于国家机密* becomes 1.属于国家秘密*', async () => {
    assert.ok((await fixedTexts('1.属于国家秘密', '1.属于国家机密*')).includes('1.属于国家秘密*'));
  });

  it('column header: the note in words stays', async () => {
    assert.ok((await fixedTexts('法律服务机构', '法律服务结构（含律所）')).includes('法律服务机构（含律所）'));
  });

  it('a header in 元 keeps its unit through fix-all', async () => {
    const texts = await fixedTexts(FEE, '本年收费金额（单位：元）');
    assert.ok(texts.includes('本年收费金额（单位：元）'));
    assert.ok(!texts.includes(FEE));
    const bytes = await buildSeedDocx('002', (s) => setRowLabel(s, FEE, '本年收费金额（单位：元）'));
    assert.ok(lintDocx(bytes, OPTIONS).diagnostics.every((d) => d.rule !== 'column-label' || d.fix === null));
  });
});
