import './dom';
import { strict as assert } from 'node:assert';
import { createElement } from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { buildDocx, documentXml } from '../../src/generate';
import { lintDocx } from '../../src/engine';
import { App } from '../../src/taskpane/components/App';
import type { ReportHost } from '../../src/hosts/report-host';
import { RECHECK_DELAY_MS } from '../../src/taskpane/use-report-check';
import { buildSeedDocx, setReviewValue } from '../support/fixtures';
import { CURRENT_YEAR, renderPane, SAMPLE, testHost } from './support';

const text = (testId: string) => screen.getByTestId(testId).textContent ?? '';
const findings = () => screen.queryAllByTestId('finding');
const card = (rule: string) => screen.getAllByTestId('finding').find((f) => f.dataset.rule === rule)!;

describe('task pane', () => {
  it('summarises the sample: format, year and counts per table', async () => {
    await renderPane(SAMPLE, 'sample-report.docx');
    assert.equal(text('summary-template'), '2021 年格式');
    assert.equal(text('summary-year'), '2024 年度（取自标题）');
    assert.match(text('summary-total'), /共 4 个错误，1 个警告/);
    // One chip per table with findings (a link to its group); a zero count is not shown.
    const count = (id: string) => screen.queryByTestId(id)?.textContent ?? '0';
    const counts = Object.fromEntries(['active', 'applications', 'review', 'text'].map((a) => [a, [count(`count-${a}-error`), count(`count-${a}-warning`)]]));
    assert.deepEqual(counts, { active: ['0', '0'], applications: ['2', '0'], review: ['1', '1'], text: ['1', '0'] });
    assert.equal(screen.queryByTestId('count-active'), null);
    assert.equal(screen.getByTestId('count-review').getAttribute('href'), '#area-review');
  });

  it('groups findings by table, then by rule, with the place and the evidence', async () => {
    await renderPane(SAMPLE, 'sample-report.docx');
    const areas = within(screen.getByTestId('findings')).getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    assert.deepEqual(areas.map((a) => a!.slice(0, 2)), ['表三', '表四', '章节']);
    const applications = within(screen.getByTestId('area-applications'));
    assert.ok(applications.getByTestId('rule-row-label'));
    assert.ok(applications.getByText('合计与各项之和不符（1）'));
    const sum = card('sum-mismatch');
    assert.match(sum.textContent!, /表三 · “（七）总计”行 · “总计”列/);
    assert.match(sum.textContent!, /“总计”应为 \d+（现为 \d+）/);
    assert.equal(within(sum).queryByTestId('sum-evidence'), null, 'the evidence waits behind 为什么');
    fireEvent.click(within(sum).getByTestId('sum-why'));
    assert.match(within(sum).getByTestId('sum-evidence').textContent!, /其余 \d+ 项均为 0/);
    assert.doesNotMatch(sum.textContent!, /R\d（/);
    assert.ok(within(sum).getByRole('button', { name: /^修复/ }));
    assert.ok(within(sum).getByRole('button', { name: /^忽略/ }));
  });

  it('fix button applies the fix and checks again', async () => {
    await renderPane(await buildSeedDocx('004'));
    assert.equal(findings().length, 5);
    fireEvent.click(within(findings()[0]).getByRole('button', { name: /^修复/ }));
    await waitFor(() => assert.equal(findings().length, 4));
    assert.match(text('fix-result'), /已修复.*填入 0/);
  });

  it('after a fix, keyboard focus moves to the finding now in its place, and finally to the “no problems” message', async () => {
    await renderPane(await buildSeedDocx('004'));
    fireEvent.click(within(findings()[1]).getByRole('button', { name: /^修复/ }));
    await waitFor(() => assert.equal(findings().length, 4));
    await waitFor(() => assert.equal(document.activeElement, within(findings()[1]).getByTestId('finding-place')));
    for (let left = 4; left > 0; left--) {
      fireEvent.click(within(findings()[0]).getByRole('button', { name: /^修复/ }));
      await waitFor(() => assert.equal(findings().length, left - 1));
    }
    await waitFor(() => assert.equal(document.activeElement, screen.getByTestId('no-problems')));
  });

  it('offers the suggestions of an ambiguous sum and applies the chosen one', async () => {
    await renderPane(await buildSeedDocx('001', (s) => setReviewValue(s, '未经复议直接起诉', '结果维持', '1')));
    const sum = card('sum-mismatch');
    assert.equal(within(sum).queryByRole('button', { name: /^修复/ }), null, 'no safe fix: the user chooses');
    const offered = within(sum).getAllByTestId('suggestion').map((s) => s.textContent);
    assert.equal(offered.length, 2);
    assert.match(offered[0]!, /“总计”改为 1/, 'the total first');
    fireEvent.click(within(sum).getByRole('button', { name: /采用：.*“结果维持”改为 0/ }));
    await waitFor(() => screen.getByTestId('no-problems'));
  });

  it('全部修复 reports what it fixed and what is left', async () => {
    await renderPane(SAMPLE, 'sample-report.docx');
    fireEvent.click(screen.getByRole('button', { name: /^全部修复/ }));
    await waitFor(() => screen.getByTestId('fix-all-result'));
    assert.match(text('fix-all-result'), /已修复 5 项；没有需要您处理的问题/);
    assert.ok(screen.getByTestId('no-problems'));
  });

  it('ignores a finding, keeps it ignored through the host, shows and restores it', async () => {
    const pane = await renderPane(SAMPLE, 'sample-report.docx');
    fireEvent.click(within(card('not-a-number')).getByRole('button', { name: /^忽略/ }));
    await waitFor(() => assert.match(text('summary-total'), /共 4 个错误，0 个警告。（另有 1 项已忽略）/));
    assert.deepEqual(JSON.parse(pane.storage.items.get('nianbao-lint:ignored:sample-report.docx')!), ['not-a-number|review|复议后起诉|结果维持|']);

    // A new pane on the same file (e.g. reopened): still ignored.
    pane.unmount();
    render(createElement(App, { host: pane.host, currentYear: CURRENT_YEAR }));
    await waitFor(() => screen.getByTestId('toggle-ignored'));
    assert.equal(text('toggle-ignored'), '显示已忽略 1 项');
    fireEvent.click(screen.getByTestId('toggle-ignored'));
    const ignored = within(screen.getByTestId('ignored-findings'));
    fireEvent.click(ignored.getByRole('button', { name: /^恢复/ }));
    await waitFor(() => assert.match(text('summary-total'), /共 4 个错误，1 个警告。$/));
    assert.deepEqual(JSON.parse(pane.storage.items.get('nianbao-lint:ignored:sample-report.docx')!), []);
  });

  it('says so when there is nothing to report', async () => {
    await renderPane(await buildSeedDocx('001'));
    assert.match(text('no-problems'), /未发现问题/);
    assert.equal(findings().length, 0);
    // Disabled but still focusable (a keyboard user keeps their place): aria-disabled, not the disabled attribute.
    assert.equal(screen.getByRole('button', { name: /^全部修复/ }).getAttribute('aria-disabled'), 'true');
  });

  it('says so when the document has no report tables, offering the template', async () => {
    const letter = buildDocx(documentXml('<w:p><w:r><w:t>关于召开会议的通知</w:t></w:r></w:p>'));
    await renderPane(letter, 'letter.docx', { standalone: true });
    assert.match(text('no-report'), /未找到年报表格/);
    assert.ok(within(screen.getByTestId('no-report')).getByRole('button', { name: '下载空白模板' }));
  });

  it('changing the report year in the settings checks again with it', async () => {
    await renderPane(await buildSeedDocx('000'));
    assert.ok(card('outdated-template'), 'a 2024 report in the 2019 format');
    fireEvent.click(screen.getByRole('button', { name: '设置' }));
    fireEvent.change(screen.getByTestId('report-year'), { target: { value: '2020' } });
    await waitFor(() => assert.equal(text('summary-year'), '2020 年度（按设置）'));
    assert.equal(screen.getAllByTestId('finding').filter((f) => f.dataset.rule === 'outdated-template').length, 0, 'the 2019 format is right for 2020');
    assert.equal(text('summary-template'), '2019 年试行格式');
  });

  it('checks again after the document changes, debounced', async () => {
    const { host, controls } = testHost();
    await controls.open(await buildSeedDocx('004'), 'x.docx');
    let onChange: () => void = () => {};
    let checks = 0;
    const watching: ReportHost = {
      ...host,
      check: (o) => (checks++, host.check(o)),
      watchChanges: (cb) => ((onChange = cb), () => {}),
    };
    render(createElement(App, { host: watching, currentYear: CURRENT_YEAR }));
    await waitFor(() => screen.getByTestId('summary'));
    assert.equal(checks, 1);
    await act(async () => {
      for (let n = 0; n < 5; n++) onChange(); // a burst of typing
    });
    assert.equal(checks, 1, 'not at once: the user may still be typing');
    await act(() => new Promise((r) => setTimeout(r, RECHECK_DELAY_MS + 200)));
    await waitFor(() => assert.equal(checks, 2, 'one check for the whole burst'));
  });
});

describe('task pane in a plain browser', () => {
  it('shows the table with the cell highlighted when a finding is clicked', async () => {
    await renderPane(SAMPLE, 'sample-report.docx', { standalone: true });
    fireEvent.click(within(card('empty-cell')).getByTestId('finding-place'));
    const preview = screen.getByTestId('table-preview');
    assert.equal(preview.getAttribute('aria-label'), '表四 预览（只读）');
    assert.equal(within(preview).getByTestId('highlighted-cell').textContent, '（空）');
    fireEvent.click(within(card('sum-mismatch')).getByTestId('finding-place'));
    assert.equal(within(screen.getByTestId('table-preview')).getByTestId('highlighted-cell').textContent, '3 → 2', 'the repair, before → after');
    assert.match(text('preview-caption'), /^“（七）总计”行 “总计”列：3 → 2/);
    assert.ok(within(screen.getByTestId('table-preview')).getAllByTestId('addend-cell').length > 0, 'the addends are tinted');
    fireEvent.click(within(card('section-heading')).getByTestId('finding-place'));
    assert.equal(text('paragraph-preview'), '其他需要报告的事项');
  });

  it('a corrupt file shows the Chinese reason and the page keeps working', async () => {
    const pane = await renderPane(SAMPLE, 'sample-report.docx', { standalone: true });
    const corrupt = new File([new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])], 'broken.docx');
    fireEvent.change(screen.getByTestId('file-input'), { target: { files: [corrupt] } });
    await waitFor(() => screen.getByTestId('open-error'));
    assert.match(text('open-error'), /无法打开文件.*[\u4e00-\u9fff]/);
    assert.equal(text('file-name'), '当前文件：sample-report.docx', 'the open document stays');
    assert.equal(findings().length, 5);

    fireEvent.change(screen.getByTestId('file-input'), { target: { files: [new File([new Uint8Array(await buildSeedDocx('001'))], '001.docx')] } });
    await waitFor(() => screen.getByTestId('no-problems'));
    assert.equal(screen.queryByTestId('open-error'), null);
    assert.equal(text('file-name'), '当前文件：001.docx');
    assert.equal(pane.controls.downloadName(), '001.fixed.docx');
  });

  it('a .doc file is refused with a message saying what to do', async () => {
    await renderPane(SAMPLE, 'sample-report.docx', { standalone: true });
    fireEvent.change(screen.getByTestId('file-input'), { target: { files: [new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])], '旧报告.doc')] } });
    await waitFor(() => screen.getByTestId('open-error'));
    assert.match(text('open-error'), /另存为/);
  });

  it('loads the sample, fixes all and downloads the fixed file', async () => {
    const h = testHost();
    render(createElement(App, { host: h.host, standalone: h.controls, currentYear: CURRENT_YEAR }));
    assert.equal(screen.queryByTestId('summary'), null, 'nothing open yet');
    fireEvent.click(screen.getByRole('button', { name: '加载示例报告' }));
    await waitFor(() => screen.getByTestId('summary'));
    fireEvent.click(screen.getByRole('button', { name: /^全部修复/ }));
    await waitFor(() => screen.getByTestId('no-problems'));
    fireEvent.click(screen.getByRole('button', { name: '下载修复后的文件' }));
    assert.equal(h.saved.length, 1);
    assert.equal(h.saved[0].fileName, 'sample-report.fixed.docx');
    const relinted = lintDocx(h.saved[0].bytes, { currentYear: CURRENT_YEAR });
    assert.deepEqual(relinted.diagnostics.filter((d) => d.fix), []);
  });
});
