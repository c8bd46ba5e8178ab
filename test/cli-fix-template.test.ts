import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { samePath, writeFileAtomic } from '../src/cli/io';
import { runCli, EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE_OR_USAGE } from '../src/cli/main';
import { lintDocx } from '../src/engine';
import { buildSeedDocx, setActiveValue, setReviewValue } from './support/fixtures';

const CURRENT_YEAR = 2026;
const BIN = resolve(__dirname, '../bin/nianbao.js');
const HAN = /[\u4e00-\u9fff]/;

interface Written { path: string; bytes: Uint8Array }

/** Runs the CLI in-process; writes go through the real atomic writer unless `write` is given. */
function run(argv: string[], write: (path: string, bytes: Uint8Array) => void = writeFileAtomic) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => readFileSync(p),
    writeFileAtomic: write,
    samePath,
    currentYear: CURRENT_YEAR,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const lint = (bytes: Uint8Array) => lintDocx(bytes, { currentYear: CURRENT_YEAR });
const lintFile = (path: string) => lint(readFileSync(path));
/** A blank report is not finished: its findings are its placeholders (the prompts, and 某某 in the title). */
const notPlaceholders = (r: { diagnostics: { rule: string }[] }) => r.diagnostics.filter((d) => d.rule !== 'placeholder');
const listing = (dir: string) => readdirSync(dir).sort();
const tmpLeftovers = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.') && f.endsWith('.tmp'));

describe('CLI: nianbao fix', () => {
  const dirs: string[] = [];
  let seed000: Uint8Array;
  let seed002: Uint8Array;
  let seed004: Uint8Array;
  /** 002 with free text in a 表二 cell (not fixable) and a blank 表四 cell (fixable). */
  let mixed: Uint8Array;
  /** 002 with only free text in a 表二 cell: nothing fixable, one error. */
  let freeText: Uint8Array;

  /** A fresh temp folder holding the given files. */
  function folder(files: Record<string, Uint8Array>): string {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-fix-'));
    dirs.push(dir);
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    return dir;
  }

  before(async () => {
    seed000 = await buildSeedDocx('000');
    seed002 = await buildSeedDocx('002');
    seed004 = await buildSeedDocx('004');
    mixed = await buildSeedDocx('002', (s) => setReviewValue(setActiveValue(s, '行政许可', 0, '见附件'), '行政复议', '结果维持', ''));
    freeText = await buildSeedDocx('002', (s) => setActiveValue(s, '行政许可', 0, '见附件'));
  });

  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('the fixtures have the defects the tests rely on', () => {
    const before004 = lint(seed004).diagnostics;
    assert.equal(before004.length, 5);
    assert.ok(before004.every((d) => d.rule === 'empty-cell' && d.fix !== null));
    assert.equal(lint(seed002).diagnostics.length, 0);
    assert.equal(lint(seed000).template, '2019');
    const m = lint(mixed).diagnostics;
    assert.deepEqual(m.map((d) => [d.rule, d.fix !== null]).sort(), [['empty-cell', true], ['not-a-number', false]]);
  });

  it('writes <name>.fixed.docx beside the input, leaves the input untouched, and the output lints clean (004)', () => {
    const dir = folder({ 'report.docx': seed004 });
    const input = join(dir, 'report.docx');
    const r = run(['fix', input]);
    assert.equal(r.code, EXIT_CLEAN, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(listing(dir), ['report.docx', 'report.fixed.docx']);
    assert.deepEqual(readFileSync(input), Buffer.from(seed004));
    const fixed = lintFile(join(dir, 'report.fixed.docx'));
    assert.deepEqual(fixed.diagnostics, []);
    assert.equal(fixed.template, '2021');
    assert.equal((r.stdout.match(/已修复 .*填入 0 .*\[empty-cell\]/g) ?? []).length, 5);
    assert.match(r.stdout, /表四 “行政复议” “结果维持” 列/);
    assert.doesNotMatch(r.stdout, /仍需人工处理/);
    assert.match(r.stdout, /已写入 .*report\.fixed\.docx（修复 5 处/);
  });

  it('migrates a 2019-format report (000): exit 0 with warnings left, listed as 仍需人工处理', () => {
    const dir = folder({ '2024年报.docx': seed000 });
    const input = join(dir, '2024年报.docx');
    const r = run(['fix', input]);
    assert.equal(r.code, EXIT_CLEAN, r.stdout + r.stderr);
    assert.deepEqual(readFileSync(input), Buffer.from(seed000));
    const out = join(dir, '2024年报.fixed.docx');
    assert.ok(existsSync(out));
    const fixed = lintFile(out);
    assert.equal(fixed.template, '2021');
    assert.deepEqual(fixed.diagnostics.filter((d) => d.fix !== null), []);
    assert.deepEqual(fixed.diagnostics.map((d) => `${d.severity}/${d.rule}`), Array(7).fill('warning/unconfirmed-value'));
    assert.match(r.stdout, /已修复 +表二 .*\[outdated-template\]/);
    assert.match(r.stdout, /已修复 +表三 .*\[outdated-template\]/);
    const [, remaining] = r.stdout.split('仍需人工处理：');
    assert.ok(remaining, r.stdout);
    assert.equal((remaining.match(/warning .*\[unconfirmed-value\]/g) ?? []).length, 7);
    assert.doesNotMatch(r.stdout, /^ *error /m);
  });

  it('exits 1 when errors remain after fixing, still writing the fixable part', () => {
    const dir = folder({ 'mixed.docx': mixed });
    const r = run(['fix', join(dir, 'mixed.docx')]);
    assert.equal(r.code, EXIT_FINDINGS);
    assert.match(r.stdout, /已修复 +表四 “行政复议” “结果维持” 列 .*\[empty-cell\]/);
    assert.match(r.stdout, /仍需人工处理：\n *error +表二 “行政许可” 行 .*见附件.*\[not-a-number\]/);
    const fixed = lintFile(join(dir, 'mixed.fixed.docx'));
    assert.deepEqual(fixed.diagnostics.map((d) => [d.rule, d.severity]), [['not-a-number', 'error']]);
    assert.deepEqual(readFileSync(join(dir, 'mixed.docx')), Buffer.from(mixed));
  });

  it('exits 1 and writes nothing when the only error is not fixable', () => {
    const dir = folder({ 'free.docx': freeText });
    const r = run(['fix', join(dir, 'free.docx')]);
    assert.equal(r.code, EXIT_FINDINGS);
    assert.match(r.stdout, /没有可以自动修复的问题/);
    assert.match(r.stdout, /仍需人工处理：[\s\S]*\[not-a-number\]/);
    assert.deepEqual(listing(dir), ['free.docx']);
  });

  it('-o writes to the given path only', () => {
    const dir = folder({ 'in.docx': seed004 });
    const target = join(dir, '修复后.docx');
    const r = run(['fix', join(dir, 'in.docx'), '-o', target]);
    assert.equal(r.code, EXIT_CLEAN, r.stderr);
    assert.deepEqual(listing(dir), ['in.docx', '修复后.docx']);
    assert.deepEqual(lintFile(target).diagnostics, []);
    assert.deepEqual(readFileSync(join(dir, 'in.docx')), Buffer.from(seed004));
    assert.ok(r.stdout.includes(`已写入 ${target}`), r.stdout);
  });

  it('--in-place overwrites the input and writes no other file', () => {
    const dir = folder({ 'in.docx': seed004 });
    const input = join(dir, 'in.docx');
    const r = run(['fix', input, '--in-place']);
    assert.equal(r.code, EXIT_CLEAN, r.stderr);
    assert.deepEqual(listing(dir), ['in.docx']);
    const after = readFileSync(input);
    assert.notDeepEqual(after, Buffer.from(seed004));
    assert.deepEqual(lint(after).diagnostics, []);
  });

  it('rejects -o together with --in-place, and zero or two inputs (exit 2, Chinese message, nothing written)', () => {
    const dir = folder({ 'a.docx': seed004, 'b.docx': seed004 });
    const both = run(['fix', join(dir, 'a.docx'), '-o', join(dir, 'x.docx'), '--in-place']);
    assert.equal(both.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(both.stderr, /-o 与 --in-place 不能同时使用/);
    const none = run(['fix']);
    assert.equal(none.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(none.stderr, /请指定一个要修复的 \.docx 文件/);
    const two = run(['fix', join(dir, 'a.docx'), join(dir, 'b.docx')]);
    assert.equal(two.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(two.stderr, /请指定一个要修复的 \.docx 文件/);
    const unknown = run(['fix', join(dir, 'a.docx'), '--overwrite']);
    assert.equal(unknown.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(unknown.stderr, /参数错误/);
    assert.deepEqual(listing(dir), ['a.docx', 'b.docx']);
    assert.deepEqual(readFileSync(join(dir, 'a.docx')), Buffer.from(seed004));
  });

  it('--dry-run prints the fixes but writes nothing (also with --in-place or -o)', () => {
    const dir = folder({ 'in.docx': seed004 });
    const input = join(dir, 'in.docx');
    for (const extra of [[], ['--in-place'], ['-o', join(dir, 'out.docx')]]) {
      const r = run(['fix', input, '--dry-run', ...extra]);
      assert.equal(r.code, EXIT_CLEAN, r.stderr);
      assert.equal((r.stdout.match(/已修复 .*\[empty-cell\]/g) ?? []).length, 5, r.stdout);
      assert.match(r.stdout, /试运行：未写出文件/);
      assert.doesNotMatch(r.stdout, /已写入/);
      assert.deepEqual(listing(dir), ['in.docx']);
      assert.deepEqual(readFileSync(input), Buffer.from(seed004));
    }
    const willWrite = run(['fix', input, '--dry-run']).stdout;
    assert.ok(willWrite.includes(join(dir, 'in.fixed.docx')), willWrite);
  });

  it('--dry-run still exits 1 when errors would remain', () => {
    const dir = folder({ 'mixed.docx': mixed });
    const r = run(['fix', join(dir, 'mixed.docx'), '--dry-run']);
    assert.equal(r.code, EXIT_FINDINGS);
    assert.match(r.stdout, /已修复 .*\[empty-cell\]/);
    assert.deepEqual(listing(dir), ['mixed.docx']);
  });

  it('on a clean report says nothing could be fixed, writes no file and exits 0', () => {
    const dir = folder({ 'clean.docx': seed002 });
    const r = run(['fix', join(dir, 'clean.docx')]);
    assert.equal(r.code, EXIT_CLEAN);
    assert.match(r.stdout, /没有可以自动修复的问题/);
    assert.match(r.stdout, /未写出新文件/);
    assert.doesNotMatch(r.stdout, /已修复|仍需人工处理/);
    assert.deepEqual(listing(dir), ['clean.docx']);
  });

  it('an old .doc is unreadable: exit 2, Chinese reason on stderr, no output', () => {
    const dir = folder({ 'old.doc': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) });
    const r = run(['fix', join(dir, 'old.doc')]);
    assert.equal(r.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(r.stderr, /无法读取/);
    assert.match(r.stderr, /\.docx/);
    assert.match(r.stderr, HAN);
    assert.equal(r.stdout, '');
    assert.deepEqual(listing(dir), ['old.doc']);
  });

  it('a truncated (corrupt) .docx is unreadable: exit 2, Chinese reason on stderr, no output', () => {
    const dir = folder({ 'broken.docx': seed002.slice(0, 60) });
    const r = run(['fix', join(dir, 'broken.docx')]);
    assert.equal(r.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(r.stderr, /broken\.docx\n +无法读取：.*损坏/);
    assert.deepEqual(listing(dir), ['broken.docx']);
  });

  it('a missing input: exit 2 with a Chinese message', () => {
    const dir = folder({});
    const r = run(['fix', join(dir, 'missing.docx')]);
    assert.equal(r.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(r.stderr, /无法读取：文件或文件夹不存在（ENOENT）/);
    assert.deepEqual(listing(dir), []);
  });

  it('writes atomically: no .*.tmp file is left after a successful run', () => {
    const dir = folder({ 'in.docx': seed004 });
    assert.equal(run(['fix', join(dir, 'in.docx')]).code, EXIT_CLEAN);
    assert.equal(run(['fix', join(dir, 'in.docx'), '-o', join(dir, 'other.docx')]).code, EXIT_CLEAN);
    assert.equal(run(['fix', join(dir, 'in.docx'), '--in-place']).code, EXIT_CLEAN);
    assert.deepEqual(tmpLeftovers(dir), []);
    assert.deepEqual(listing(dir), ['in.docx', 'in.fixed.docx', 'other.docx']);
  });

  it('the write goes through io.writeFileAtomic with the fixed bytes', () => {
    const dir = folder({ 'in.docx': seed004 });
    const writes: Written[] = [];
    const r = run(['fix', join(dir, 'in.docx')], (path, bytes) => writes.push({ path, bytes }));
    assert.equal(r.code, EXIT_CLEAN);
    assert.deepEqual(writes.map((w) => w.path), [join(dir, 'in.fixed.docx')]);
    assert.deepEqual(lint(writes[0].bytes).diagnostics, []);
    assert.deepEqual(listing(dir), ['in.docx']);
  });

  it('a target folder that does not exist: exit 2 with a message, nothing written anywhere', () => {
    const dir = folder({ 'in.docx': seed004 });
    const target = join(dir, 'missing-folder', 'out.docx');
    const r = run(['fix', join(dir, 'in.docx'), '-o', target]);
    assert.equal(r.code, EXIT_UNREADABLE_OR_USAGE);
    assert.ok(r.stderr.includes(`无法写入 ${target}`), r.stderr);
    assert.deepEqual(listing(dir), ['in.docx']);
    assert.deepEqual(tmpLeftovers(dir), []);
    assert.deepEqual(readFileSync(join(dir, 'in.docx')), Buffer.from(seed004));
  });

  it('a failing write leaves neither the target nor a temporary file', () => {
    const dir = folder({ 'in.docx': seed004 });
    // A dangling symlink passes the "nothing there" check, then the name is taken when the file is published.
    const target = join(dir, 'taken');
    symlinkSync(join(dir, 'nowhere'), target);
    const r = run(['fix', join(dir, 'in.docx'), '-o', target]);
    assert.equal(r.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(r.stderr, /无法写入.*已存在/);
    assert.equal(lstatSync(target).isSymbolicLink(), true);
    assert.deepEqual(tmpLeftovers(dir), []);
    assert.deepEqual(listing(dir), ['in.docx', 'taken']);
  });

  it('runs end to end as the built binary', () => {
    const dir = folder({ 'report.docx': seed004 });
    const result = spawnSync(process.execPath, [BIN, 'fix', join(dir, 'report.docx')], { encoding: 'utf8' });
    assert.equal(result.status, EXIT_CLEAN, result.stderr);
    assert.equal((result.stdout.match(/已修复 .*\[empty-cell\]/g) ?? []).length, 5);
    assert.deepEqual(listing(dir), ['report.docx', 'report.fixed.docx']);
    assert.deepEqual(lintFile(join(dir, 'report.fixed.docx')).diagnostics, []);
    assert.deepEqual(readFileSync(join(dir, 'report.docx')), Buffer.from(seed004));

    const bad = spawnSync(process.execPath, [BIN, 'fix', join(dir, 'report.docx'), '-o', join(dir, 'x.docx'), '--in-place'], { encoding: 'utf8' });
    assert.equal(bad.status, EXIT_UNREADABLE_OR_USAGE);
    assert.match(bad.stderr, /不能同时使用/);
  });
});

describe('CLI: nianbao template', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-template-'));
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a standard report whose only findings are its placeholders, for the given year', () => {
    const dir = tempDir();
    const target = join(dir, 'blank.docx');
    const r = run(['template', '-o', target, '--year', '2023', '--agency', '某某区人民政府']);
    assert.equal(r.code, EXIT_CLEAN, r.stderr);
    assert.match(r.stdout, /某某区人民政府，2023 年度/);
    const result = lintFile(target);
    assert.deepEqual(result.diagnostics.map((d) => d.rule), Array(4).fill('placeholder'));
    assert.equal(result.template, '2021');
    assert.equal(result.isReport, true);
    assert.equal(result.year.year, 2023);
    assert.deepEqual(listing(dir), ['blank.docx']);
  });

  it('every accepted year gives a clean report of that year (2021 … currentYear + 1)', () => {
    const dir = tempDir();
    for (let year = 2021; year <= CURRENT_YEAR + 1; year++) {
      const target = join(dir, `${year}.docx`);
      assert.equal(run(['template', '-o', target, '--year', String(year)]).code, EXIT_CLEAN);
      const result = lintFile(target);
      assert.equal(result.year.year, year);
      assert.deepEqual(notPlaceholders(result), [], `year ${year}`);
    }
    assert.deepEqual(tmpLeftovers(dir), []);
  });

  it('defaults to last year, the default agency and <agency><year>年政府信息公开工作年度报告.docx', () => {
    const writes: Written[] = [];
    const r = run(['template'], (path, bytes) => writes.push({ path, bytes }));
    assert.equal(r.code, EXIT_CLEAN, r.stderr);
    assert.deepEqual(writes.map((w) => w.path), [`某某镇人民政府${CURRENT_YEAR - 1}年政府信息公开工作年度报告.docx`]);
    const result = lint(writes[0].bytes);
    assert.equal(result.year.year, CURRENT_YEAR - 1);
    assert.deepEqual(notPlaceholders(result), []);

    const named: Written[] = [];
    assert.equal(run(['template', '--agency', '  某某县人民政府  ', '--year', '2024'], (path, bytes) => named.push({ path, bytes })).code, EXIT_CLEAN);
    assert.deepEqual(named.map((w) => w.path), ['某某县人民政府2024年政府信息公开工作年度报告.docx']);
  });

  it('rejects invalid years with exit 2 and writes nothing', () => {
    const dir = tempDir();
    const target = join(dir, 'x.docx');
    for (const year of ['2019', '2020', 'abc', '', '2024.5', String(CURRENT_YEAR + 2)]) {
      const r = run(['template', '-o', target, '--year', year]);
      assert.equal(r.code, EXIT_UNREADABLE_OR_USAGE, `year ${JSON.stringify(year)}`);
      assert.match(r.stderr, /年份.*无效/);
    }
    assert.deepEqual(listing(dir), []);
  });

  it('rejects positional arguments and unknown options with exit 2', () => {
    const dir = tempDir();
    const r = run(['template', join(dir, 'x.docx')]);
    assert.equal(r.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(r.stderr, /参数错误/);
    assert.equal(run(['template', '--format', 'json']).code, EXIT_UNREADABLE_OR_USAGE);
    assert.deepEqual(listing(dir), []);
  });

  it('a target folder that does not exist: exit 2 with a message', () => {
    const dir = tempDir();
    const target = join(dir, 'missing', 'x.docx');
    const r = run(['template', '-o', target]);
    assert.equal(r.code, EXIT_UNREADABLE_OR_USAGE);
    assert.ok(r.stderr.includes(`无法写入 ${target}`), r.stderr);
    assert.deepEqual(listing(dir), []);
  });

  it('the binary writes the default file name into the current directory', () => {
    const dir = tempDir();
    const result = spawnSync(process.execPath, [BIN, 'template', '--agency', '某某乡人民政府', '--year', '2024'], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, EXIT_CLEAN, result.stderr);
    const name = '某某乡人民政府2024年政府信息公开工作年度报告.docx';
    assert.deepEqual(listing(dir), [name]);
    const lintResult = lintFile(join(dir, name));
    assert.equal(lintResult.year.year, 2024);
    assert.equal(lintResult.template, '2021');
    assert.deepEqual(notPlaceholders(lintResult), []);

    const dir2 = tempDir();
    const defaults = spawnSync(process.execPath, [BIN, 'template'], { cwd: dir2, encoding: 'utf8' });
    assert.equal(defaults.status, EXIT_CLEAN, defaults.stderr);
    const lastYear = new Date().getFullYear() - 1;
    assert.deepEqual(listing(dir2), [`某某镇人民政府${lastYear}年政府信息公开工作年度报告.docx`]);
  });
});

describe('CLI: edge cases of paths and arguments', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-edge-'));
    writeFileSync(join(dir, 'a.docx'), await buildSeedDocx('004'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('an empty -o is a usage error, also with --in-place, and the input stays as it was', () => {
    const before = readFileSync(join(dir, 'a.docx'));
    assert.equal(run(['fix', join(dir, 'a.docx'), '-o', '']).code, EXIT_UNREADABLE_OR_USAGE);
    assert.equal(run(['fix', join(dir, 'a.docx'), '-o', '', '--in-place']).code, EXIT_UNREADABLE_OR_USAGE);
    assert.deepEqual(readFileSync(join(dir, 'a.docx')), before);
  });

  it('--in-place keeps the file a symlink points to, and its permissions', () => {
    const real = join(dir, 'real.docx');
    const link = join(dir, 'link.docx');
    writeFileSync(real, readFileSync(join(dir, 'a.docx')));
    chmodSync(real, 0o640);
    symlinkSync(real, link);
    assert.equal(run(['fix', link, '--in-place']).code, EXIT_CLEAN);
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(statSync(real).mode & 0o777, 0o640);
    assert.deepEqual(lintFile(real).diagnostics, []);
  });

  it('-o naming the input itself is refused without --in-place, and the input stays as it was', () => {
    const input = join(dir, 'a.docx');
    const before = readFileSync(input);
    const r = run(['fix', input, '-o', join(dir, '.', 'a.docx')]);
    assert.equal(r.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(r.stderr, /--in-place/);
    assert.deepEqual(readFileSync(input), before);
  });

  it('template accepts only a four-digit year', () => {
    for (const year of ['0x7E9', '2.025e3', ' 2025 ', '2025.0']) {
      assert.equal(run(['template', '-o', join(dir, 'y.docx'), '--year', year]).code, EXIT_UNREADABLE_OR_USAGE, year);
    }
  });

  it('an agency with path separators still gives a file name, not a folder', () => {
    const r = spawnSync(process.execPath, [BIN, 'template', '--agency', '某/镇', '--year', '2025'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, EXIT_CLEAN, r.stderr);
    assert.ok(readdirSync(dir).includes('某_镇2025年政府信息公开工作年度报告.docx'));
  });
});
