import { useRef, useState, type DragEvent } from 'react';
import { Badge, Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowSwapRegular, DocumentRegular, DocumentTextRegular, FolderOpenRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // Once a file is open the panel is one line: name · 更换 · 下载.
  line: {
    flexDirection: 'row',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  file: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexGrow: 1, minWidth: 0 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  unsaved: { flexShrink: 0, whiteSpace: 'nowrap' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  hiddenInput: { display: 'none' },
});

export interface StandalonePanelProps {
  fileName: string | null;
  downloadName: string | null;
  /** Fixes made since opening or the last download. */
  unsaved: boolean;
  /** The page's copy differs from the file opened: only then is there something to download. */
  changed: boolean;
  /** Whether replacing the open file may go ahead (asks when there are unsaved fixes). */
  allowReplace: () => boolean;
  /** Why the last file could not be opened (Chinese), or null. */
  error: string | null;
  busy: boolean;
  onOpenFile: (file: File) => void;
  onLoadSample: () => void;
  onDownload: () => void;
}

/** Outside Word: open a .docx (picker or drag-and-drop) or the sample, and save the fixed file. */
export function StandalonePanel({ fileName, downloadName, unsaved, changed, allowReplace, error, busy, onOpenFile, onLoadSample, onDownload }: StandalonePanelProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && allowReplace()) onOpenFile(file);
  };
  const pick = () => {
    if (allowReplace()) input.current?.click();
  };

  return (
    <section
      className={mergeClasses(styles.root, !!fileName && styles.line, dragging && styles.dragging)}
      aria-label="打开文件"
      data-testid="standalone-panel"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {fileName ? (
        <>
          <p className={styles.file} data-testid="file-name">
            <DocumentRegular aria-hidden />
            <span className={styles.hidden}>当前文件：</span>
            <span>{fileName}</span>
            {unsaved && <Badge className={styles.unsaved} appearance="tint" color="warning" data-testid="unsaved">未保存的修改</Badge>}
          </p>
          <Button size="small" appearance="subtle" icon={<ArrowSwapRegular />} disabledFocusable={busy} onClick={pick} title="打开其他 .docx 文件（也可拖到这里）">
            更换
          </Button>
          {changed && downloadName && (
            <Button size="small" appearance={unsaved ? 'primary' : 'subtle'} icon={<ArrowDownloadRegular />} disabledFocusable={busy} onClick={onDownload} title={downloadName} data-testid="download-fixed">
              下载修复后的文件
            </Button>
          )}
        </>
      ) : (
        <>
          <p className={styles.intro}>此页面在 Word 之外运行：文件只在本机浏览器中检查和修复，不会上传。把 .docx 文件拖到这里，或：</p>
          <div className={styles.buttons}>
            <Button appearance="primary" icon={<FolderOpenRegular />} disabledFocusable={busy} onClick={pick}>
              打开 .docx
            </Button>
            <Button icon={<DocumentTextRegular />} disabledFocusable={busy} onClick={() => allowReplace() && onLoadSample()}>
              加载示例报告
            </Button>
          </div>
        </>
      )}
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-label="选择 .docx 文件"
        data-testid="file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again still opens it
          if (file) onOpenFile(file);
        }}
      />
      {error && (
        <MessageBar layout="multiline" intent="error" role="alert" data-testid="open-error">
          <MessageBarBody>
            <MessageBarTitle>无法打开文件</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
