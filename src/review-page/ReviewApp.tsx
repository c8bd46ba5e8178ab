import { Body1, Button, Caption1, FluentProvider, makeStyles, ProgressBar, Subtitle2, Text, Title3, tokens, webLightTheme } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentMultipleRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { buildReview, renderReviewHtml, type Review } from '../review';
import { REVIEWED_FILE, summariseFiles, type PickedFile } from './review-batch';

export interface ReviewAppProps {
  readFile: (blob: Blob) => Promise<Uint8Array>;
  save: (bytes: Uint8Array, fileName: string, mimeType: string) => void;
  now: () => Date;
  currentYear: number;
}

const useStyles = makeStyles({
  page: { padding: '16px 20px', display: 'flex', flexDirection: 'column', gap: '12px', minHeight: '100vh', boxSizing: 'border-box' },
  drop: { border: `2px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: '16px', display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  result: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  frame: { flexGrow: 1, minHeight: '70vh', width: '100%', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  hidden: { display: 'none' },
});

/** Files of a folder given by the picker (webkitRelativePath) or a drop (entries walked). */
function picked(files: Iterable<File>): PickedFile[] {
  return [...files]
    .map((f) => ({ name: (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name, size: f.size, blob: f }))
    .filter((f) => REVIEWED_FILE.test(f.name) && !/(^|\/)~\$/.test(f.name))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** A dropped folder's files, walked through the entries API (files dropped as they are otherwise). */
async function droppedFiles(event: DragEvent): Promise<File[]> {
  const entries = [...event.dataTransfer.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...event.dataTransfer.files];
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push(new File([file], `${prefix}${file.name}`, { type: file.type }));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const entry of entries) await walk(entry, '');
  return out;
}

/**
 * 审核多份年报: pick or drop many reports (or a folder), see the reviewer's report the CLI writes
 * (overview, findings, previews), download it as one HTML file. Nothing leaves the machine.
 */
export function ReviewApp({ readFile, save, now, currentYear }: ReviewAppProps) {
  const styles = useStyles();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; current: string } | null>(null);
  const [result, setResult] = useState<{ review: Review; html: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const check = async (files: PickedFile[]) => {
    if (files.length === 0) {
      setMessage('没有找到年报文件（.docx 或网页 .html）。');
      return;
    }
    setMessage(null);
    setResult(null);
    setProgress({ done: 0, total: files.length, current: '' });
    const summaries = await summariseFiles(files, readFile, currentYear, (done, current) => setProgress({ done, total: files.length, current }));
    const review = buildReview(summaries);
    setResult({ review, html: renderReviewHtml(review, { generatedAt: now().toLocaleString('zh-CN', { hour12: false }) }) });
    setProgress(null);
  };

  const onInput = (event: ChangeEvent<HTMLInputElement>) => {
    const files = picked(event.target.files ?? []);
    event.target.value = '';
    void check(files);
  };
  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void check(picked(await droppedFiles(event)));
  };
  const download = () => {
    if (result) save(new TextEncoder().encode(result.html), '审核报告.html', 'text/html');
  };
  const downloadExcel = async () => {
    if (!result) return;
    try {
      // exceljs is large: loaded only when the workbook is asked for.
      const { reviewWorkbook, XLSX_MIME } = await import(/* webpackChunkName: "review-xlsx" */ '../review/review-xlsx');
      save(await reviewWorkbook(result.review, now()), '审核报告.xlsx', XLSX_MIME);
    } catch (e) {
      setMessage(`无法生成 Excel 表格：${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <Title3 as="h1">审核多份年报</Title3>
        <Body1>选择或拖入多份年报（.docx 或网页 .html），也可以选择整个文件夹。文件只在本机检查，不上传。</Body1>
        <div
          className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
          onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="drop-zone"
        >
          <Button appearance="primary" icon={<DocumentMultipleRegular />} onClick={() => filesInput.current?.click()} disabled={progress !== null}>选择文件</Button>
          <Button icon={<FolderOpenRegular />} onClick={() => folderInput.current?.click()} disabled={progress !== null}>选择文件夹</Button>
          <Caption1>或把文件、文件夹拖到这里</Caption1>
          <input ref={filesInput} className={styles.hidden} type="file" multiple accept=".docx,.docm,.html,.htm" onChange={onInput} aria-label="选择年报文件" data-testid="files-input" />
          <input ref={folderInput} className={styles.hidden} type="file" multiple onChange={onInput} aria-label="选择文件夹" {...{ webkitdirectory: '' }} />
        </div>
        {message && <Text role="alert">{message}</Text>}
        {progress && (
          <div role="status">
            <Text>正在检查 {progress.done}/{progress.total}：{progress.current}</Text>
            <ProgressBar value={progress.total ? progress.done / progress.total : 0} />
          </div>
        )}
        {result && (
          <>
            <div className={styles.result} role="status">
              <Subtitle2>{result.review.reports.length} 份年报，{result.review.withErrors} 份有错误{result.review.unreadable.length ? `，${result.review.unreadable.length} 个无法读取` : ''}</Subtitle2>
              <Button appearance="primary" icon={<ArrowDownloadRegular />} onClick={download}>下载审核报告（HTML）</Button>
              <Button icon={<ArrowDownloadRegular />} onClick={() => void downloadExcel()}>下载 Excel 表格</Button>
            </div>
            <iframe className={styles.frame} title="审核报告" srcDoc={result.html} sandbox="allow-scripts" />
          </>
        )}
      </main>
    </FluentProvider>
  );
}
