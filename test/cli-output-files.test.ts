import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { collectInputs, type FolderAccess } from '../src/cli/collect-files';
import { samePath, writeFileAtomic } from '../src/cli/io';
import { EXIT_CLEAN, EXIT_UNREADABLE_OR_USAGE, runCli } from '../src/cli/main';
import { lintDocx } from '../src/engine';
import { fixAllDocx } from '../src/hosts/docx';
import { fixedName } from '../src/hosts/browser/standalone-host';
import { buildSeedDocx } from './support/fixtures';
import { testHost } from './taskpane/support';
import { craftEntriesOf, craftZip, partsOf, zipOf } from './support/fixtures/package-craft';

const CURRENT_YEAR = 2026;

function run(argv: string[], readFile: (p: string) => Uint8Array = (p) => readFileSync(p)) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readFile, writeFileAtomic, samePath, currentYear: CURRENT_YEAR });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('CLI output files: nothing is replaced unless asked', () => {
  let seed004: Uint8Array;
  let dir: string;
  const file = (name: string, bytes: Uint8Array | string = 'keep') => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };

  before(async () => {
    seed004 = await buildSeedDocx('004');
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-out-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('template does not replace an existing file without --force, and does with it', () => {
    const target = file('某镇2025年政府信息公开工作年度报告.docx', '用户的真实报告');
    const refused = run(['template', '-o', target, '--year', '2025']);
    assert.equal(refused.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(refused.stderr, /已存在，未覆盖.*--force/);
    assert.equal(readFileSync(target, 'utf8'), '用户的真实报告');
    // The default name too (the user's report named exactly like the template).
    const byDefault = spawnLikeTemplate(['--agency', '某镇', '--year', '2025']);
    assert.equal(byDefault.code, EXIT_UNREADABLE_OR_USAGE);
    assert.equal(readFileSync(target, 'utf8'), '用户的真实报告');
    const forced = run(['template', '-o', target, '--year', '2025', '--force']);
    assert.equal(forced.code, EXIT_CLEAN, forced.stderr);
    assert.equal(lintDocx(readFileSync(target), { currentYear: CURRENT_YEAR }).isReport, true);
  });

  /** template without -o writes into the current folder: run it with dir as cwd. */
  function spawnLikeTemplate(args: string[]) {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      return run(['template', ...args]);
    } finally {
      process.chdir(cwd);
    }
  }

  it('fix -o and the default .fixed.docx do not replace an existing file without --force', () => {
    const input = file('in.docx', seed004);
    const other = file('other.docx');
    const refused = run(['fix', input, '-o', other]);
    assert.equal(refused.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(refused.stderr, /已存在，未覆盖/);
    assert.equal(readFileSync(other, 'utf8'), 'keep');
    const defaultTarget = file('in.fixed.docx');
    assert.equal(run(['fix', input]).code, EXIT_UNREADABLE_OR_USAGE);
    assert.equal(readFileSync(defaultTarget, 'utf8'), 'keep');
    const dryRun = run(['fix', input, '--dry-run']);
    assert.equal(dryRun.code, EXIT_CLEAN);
    assert.match(dryRun.stdout, /已修复[\s\S]*注意：文件 .*in\.fixed\.docx 已存在，未覆盖/);
    assert.equal(readFileSync(defaultTarget, 'utf8'), 'keep');
    assert.equal(run(['fix', input, '-o', other, '--force']).code, EXIT_CLEAN);
    assert.deepEqual(lintDocx(readFileSync(other), { currentYear: CURRENT_YEAR }).diagnostics, []);
    assert.deepEqual(readFileSync(input), Buffer.from(seed004));
  });

  it('a FIFO or a device is refused as output, even with --force', () => {
    const input = file('in.docx', seed004);
    const fifo = join(dir, 'pipe.docx');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    for (const target of [fifo, '/dev/null']) {
      for (const extra of [[], ['--force']]) {
        const r = run(['fix', input, '-o', target, ...extra]);
        assert.equal(r.code, EXIT_UNREADABLE_OR_USAGE, target);
        assert.match(r.stderr, /不是普通文件，不会写入/);
      }
    }
    assert.equal(run(['template', '-o', fifo, '--force']).code, EXIT_UNREADABLE_OR_USAGE);
    assert.ok(statSync(fifo).isFIFO());
    // As input, a FIFO is refused rather than waited on.
    const lint = run(['lint', fifo]);
    assert.equal(lint.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(lint.stdout, /不是普通文件/);
  });

  it('--in-place keeps the file’s mode and refuses a read-only file', () => {
    const input = file('in.docx', seed004);
    chmodSync(input, 0o640);
    assert.equal(run(['fix', input, '--in-place']).code, EXIT_CLEAN);
    assert.equal(statSync(input).mode & 0o777, 0o640);
    assert.deepEqual(lintDocx(readFileSync(input), { currentYear: CURRENT_YEAR }).diagnostics, []);

    const readOnly = file('ro.docx', seed004);
    chmodSync(readOnly, 0o444);
    const r = run(['fix', readOnly, '--in-place']);
    assert.equal(r.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(r.stderr, /只读/);
    assert.deepEqual(readFileSync(readOnly), Buffer.from(seed004));
  });

  it('a .docm stays a .docm: default name, -o checked, macro content never written as .docx', () => {
    const macroDocx = withMacros(seed004);
    const input = file('宏.docm', macroDocx);
    const r = run(['fix', input]);
    assert.equal(r.code, EXIT_CLEAN, r.stderr);
    assert.ok(existsSync(join(dir, '宏.fixed.docm')));
    const fixedParts = new Map(partsOf(readFileSync(join(dir, '宏.fixed.docm'))));
    assert.ok(fixedParts.has('word/vbaProject.bin'));
    const asDocx = run(['fix', input, '-o', join(dir, 'x.docx')]);
    assert.equal(asDocx.code, EXIT_UNREADABLE_OR_USAGE);
    assert.match(asDocx.stderr, /含宏.*\.docm/);
    // Macro content under a .docx name is still macro content.
    const disguised = file('disguised.docx', macroDocx);
    assert.equal(run(['fix', disguised]).code, EXIT_CLEAN);
    assert.ok(existsSync(join(dir, 'disguised.fixed.docm')));
    assert.ok(!existsSync(join(dir, 'disguised.fixed.docx')));
    // No macros: a .docm name is refused.
    assert.equal(run(['fix', file('plain.docx', seed004), '-o', join(dir, 'p.docm')]).code, EXIT_UNREADABLE_OR_USAGE);
    // The browser page downloads a .docm as .docm.
    assert.equal(fixedName('宏.docm'), '宏.fixed.docm');
    assert.equal(fixedName('报告.docx'), '报告.fixed.docx');
  });
});

/** The .docx with a VBA project and the macro-enabled main content type, as Word saves a .docm. */
function withMacros(docx: Uint8Array): Uint8Array {
  const parts = partsOf(docx).map(([name, bytes]): [string, Uint8Array] => {
    if (name !== '[Content_Types].xml') return [name, bytes];
    const types = new TextDecoder().decode(bytes)
      .replace('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'application/vnd.ms-word.document.macroEnabled.main+xml')
      .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
    return [name, strToU8(types)];
  });
  return zipOf([...parts, ['word/vbaProject.bin', new Uint8Array([1, 2, 3, 4])]]);
}

describe('CLI folders: unreadable entries, symlinks, names from Windows', () => {
  let seed004: Uint8Array;
  let seed002: Uint8Array;
  let dir: string;

  before(async () => {
    seed004 = await buildSeedDocx('004');
    seed002 = await buildSeedDocx('002');
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-dir-'));
  });
  afterEach(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('an unreadable folder or file is reported with its path, exit 2, the other files still checked, no stack trace', () => {
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'a', 'ok.docx'), seed002);
    writeFileSync(join(dir, 'locked', 'hidden.docx'), seed002);
    writeFileSync(join(dir, 'secret.docx'), seed004);
    chmodSync(join(dir, 'locked'), 0o000);
    chmodSync(join(dir, 'secret.docx'), 0o000);
    chmodSync(dir, 0o755);
    const result = asUnprivilegedUser(['lint', dir]);
    assert.equal(result.code, EXIT_UNREADABLE_OR_USAGE, result.stderr);
    assert.ok(result.stdout.includes(`${join(dir, 'locked')}\n  无法读取：无法读取文件夹：没有读取权限（EACCES）`), result.stdout);
    assert.ok(result.stdout.includes(`${join(dir, 'secret.docx')}\n  无法读取：没有读取权限（EACCES）`), result.stdout);
    assert.ok(result.stdout.includes(`${join(dir, 'a', 'ok.docx')}（`), result.stdout); // checked
    assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at |Error:/);
  });

  it('the folder walk reports a folder it cannot list and goes on (injected failure)', () => {
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'x.docx'), seed002);
    writeFileSync(join(dir, 'b', 'y.docx'), seed002);
    const failing: FolderAccess = {
      stat: (p) => statSync(p),
      realpath: (p) => p,
      readdir: (p) => {
        if (p === join(dir, 'a')) throw Object.assign(new Error('denied'), { code: 'EACCES' });
        return readdirSync(p, { withFileTypes: true });
      },
    };
    assert.deepEqual(collectInputs([dir], failing), [
      { path: join(dir, 'a'), problem: '无法读取文件夹：没有读取权限（EACCES）。' },
      { path: join(dir, 'b', 'y.docx'), problem: null },
    ]);
  });

  it('follows symlinked .docx files and folders; a loop and a broken link are reported, not walked forever', () => {
    const store = join(dir, 'store');
    const reports = join(dir, 'reports');
    mkdirSync(store);
    mkdirSync(reports);
    writeFileSync(join(store, 'real.docx'), seed004);
    symlinkSync(join(store, 'real.docx'), join(reports, 'linked.docx'));
    symlinkSync(store, join(reports, 'store-link'));
    symlinkSync(reports, join(reports, 'loop'));
    symlinkSync(join(dir, 'nowhere.docx'), join(reports, 'broken.docx'));
    assert.equal(spawnSync('mkfifo', [join(reports, 'fifo.docx')]).status, 0);
    const found = collectInputs([reports]);
    assert.deepEqual(found, [
      { path: join(reports, 'broken.docx'), problem: '符号链接无法打开：文件或文件夹不存在（ENOENT）。' },
      { path: join(reports, 'fifo.docx'), problem: '不是普通文件（可能是命名管道或设备），未读取。' },
      { path: join(reports, 'linked.docx'), problem: null },
      { path: join(reports, 'loop'), problem: '符号链接指回上层文件夹（循环），已跳过。' },
      { path: join(reports, 'store-link', 'real.docx'), problem: null },
    ]);
    const r = run(['lint', reports]);
    assert.equal(r.code, EXIT_UNREADABLE_OR_USAGE);
    assert.equal((r.stdout.match(/empty-cell/g) ?? []).length, 10); // both links to 004 were checked
  });

  it('a zip whose part names are GBK without the UTF-8 flag (made on Windows) opens for lint, fix and the browser host', async () => {
    const gbkName = new Uint8Array([0x77, 0x6f, 0x72, 0x64, 0x2f, 0xcd, 0xbc, 0xc6, 0xac, 0x2e, 0x70, 0x6e, 0x67]); // word/图片.png
    const invalidFlagged = new Uint8Array([0x77, 0x6f, 0x72, 0x64, 0x2f, 0xff, 0xfe, 0x2e, 0x62, 0x69, 0x6e]); // flagged UTF-8, but is not
    const docx = craftZip([
      ...craftEntriesOf(seed004),
      { name: gbkName, data: new Uint8Array([1, 2, 3]) },
      { name: invalidFlagged, utf8Flag: true, data: new Uint8Array([4]) },
    ]);
    assert.equal(lintDocx(docx, { currentYear: CURRENT_YEAR }).diagnostics.length, 5);
    const fixed = fixAllDocx(docx, { currentYear: CURRENT_YEAR });
    assert.equal(fixed.applied.length, 5);
    const names = partsOf(fixed.bytes).map(([n]) => n);
    assert.ok(names.includes('word/图片.png'), names.join());
    assert.equal(names.length, craftEntriesOf(seed004).length + 2);
    const { host, controls } = testHost();
    await controls.open(docx, 'windows.docx');
    const outcome = await host.fixAll({ currentYear: CURRENT_YEAR, reportYear: null, trackChanges: false, comments: false });
    assert.equal(outcome.applied.length, 5);
  });
});

/**
 * Runs the built CLI as an unprivileged user when the tests run as root (who may read anything),
 * so permissions really apply; in-process otherwise.
 */
function asUnprivilegedUser(argv: string[]) {
  if (process.getuid?.() !== 0) return run(argv);
  const bin = join(__dirname, '..', 'bin', 'nianbao.js');
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', uid: 65534, gid: 65534 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
