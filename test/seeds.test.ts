import { strict as assert } from 'node:assert';
import { lintDocx } from '../src/engine';
import { buildSeedDocx, type SeedId } from './support/fixtures';

/** The findings the five seed reports must give (issue #2), as rule / table / row. */
const EXPECTED: Record<SeedId, string[]> = {
  '000': [
    'outdated-template active null',
    'outdated-template applications （六）其他处理',
    'section-heading text 四、政府信息公开行政复议、行政诉讼情况',
  ],
  '001': [],
  '002': [],
  '003': ['section-heading text 六、其他需要报告的事项'],
  '004': Array.from({ length: 5 }, () => 'empty-cell review 行政复议'),
};

describe('seed reports', () => {
  for (const [id, expected] of Object.entries(EXPECTED) as [SeedId, string[]][]) {
    it(`seed ${id} gives exactly its known findings`, async () => {
      const result = lintDocx(await buildSeedDocx(id), { currentYear: 2026 });
      assert.deepEqual(result.diagnostics.map((d) => `${d.rule} ${d.table} ${d.row}`), expected);
    });
  }

  it('recognises the format and year of each seed', async () => {
    const summary = await Promise.all((['000', '001', '004'] as SeedId[]).map(async (id) => {
      const r = lintDocx(await buildSeedDocx(id), { currentYear: 2026 });
      return `${r.template} ${r.year.year}`;
    }));
    assert.deepEqual(summary, ['2019 2024', '2021 2024', '2021 2022']);
  });

  it('joins 表三 of seed 001, split at a page break, into one table', async () => {
    const r = lintDocx(await buildSeedDocx('001'), { currentYear: 2026 });
    const applications = r.report.tables.find((t) => t.id === 'applications')!;
    assert.equal(applications.parts.length, 2);
    assert.equal(applications.rows.filter((row) => row.templateRow).length, 25);
  });

  it('tells the 2019 other-handling value apart in seed 000 and still checks its sums', async () => {
    const r = lintDocx(await buildSeedDocx('000'), { currentYear: 2026 });
    const applications = r.report.tables.find((t) => t.id === 'applications')!;
    assert.equal(applications.variant, '2019');
    assert.ok(applications.rows.some((row) => row.templateRow?.key === 'otherHandling' && row.cells.size === 7));
  });
});
