import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { auditRows } from '../../src/audit/audit-record';
import { runCli } from '../../src/cli/main';
import { processIo } from '../../src/cli/io';
import { lintDocx } from '../../src/engine';
import { findingKey } from '../../src/hosts/report-host';
import { buildSeedDocx } from '../support/fixtures';

const SAMPLE = path.resolve(__dirname, '../../samples/sample-report.docx');

async function sheetRows(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.getWorksheet('检查记录')!.eachRow((row, n) => n > 1 && rows.push((row.values as string[]).slice(1)));
  return rows;
}

describe('audit record (检查记录)', () => {
  it('lists fixed, ignored and open findings with who/when where known', async () => {
    const lint = lintDocx(await buildSeedDocx('004'), { currentYear: 2025 });
    const [fixed, ignored, ...open] = lint.diagnostics;
    const at = new Date('2025-03-01T08:00:00Z');
    const rows = auditRows({
      diagnostics: [ignored, ...open],
      ignoredKeys: new Set([findingKey(ignored)]),
      keyOf: findingKey,
      events: [{ diagnostic: fixed, state: 'fixed', action: '填入 0', at }, { diagnostic: ignored, state: 'ignored', action: '', at }],
    });
    assert.deepEqual(rows.map((r) => r.state), ['fixed', 'ignored', ...open.map(() => 'open')]);
    assert.equal(rows[0].when, at.toISOString());
    assert.equal(rows[0].action, '填入 0');
    assert.equal(rows[1].when, at.toISOString());
    assert.equal(rows[2].when, '');
  });

  it('nianbao lint --format xlsx -o writes one row per finding', async function () {
    this.timeout(30_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-xlsx-'));
    try {
      const out = path.join(dir, '记录.xlsx');
      const stdout: string[] = [];
      const code = await runCli(['lint', SAMPLE, '--format', 'xlsx', '-o', out], { ...processIo(), stdout: (t) => stdout.push(t), stderr: () => undefined });
      const expected = lintDocx(new Uint8Array(readFileSync(SAMPLE)), { currentYear: new Date().getFullYear() }).diagnostics;
      assert.equal(code, 1, 'the sample has errors');
      const rows = await sheetRows(new Uint8Array(readFileSync(out)));
      assert.deepEqual(rows.map((r) => r[4]), expected.map((d) => d.message));
      assert.ok(rows.every((r) => r[0] === SAMPLE && r[5] === '待处理'));
      assert.match(stdout.join('\n'), /检查记录已写入/);
      const usage: string[] = [];
      assert.equal(runCli(['lint', SAMPLE, '--format', 'xlsx'], { ...processIo(), stderr: (t) => usage.push(t) }), 2);
      assert.match(usage.join(''), /-o/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
