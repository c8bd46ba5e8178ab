import { useRef, useState, type DragEvent } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentTextRegular, FolderOpenRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  file: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  hiddenInput: { display: 'none' },
});

export interface StandalonePanelProps {
  fileName: string | null;
  downloadName: string | null;
  /** Why the last file could not be opened (Chinese), or null. */
  error: string | null;
  busy: boolean;
  onOpenFile: (file: File) => void;
  onLoadSample: () => void;
  onDownload: () => void;
}

/** Outside Word: open a .docx (picker or drag-and-drop) or the sample, and save the fixed file. */
export function StandalonePanel({ fileName, downloadName, error, busy, onOpenFile, onLoadSample, onDownload }: StandalonePanelProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onOpenFile(file);
  };

  return (
    <section
      className={mergeClasses(styles.root, dragging && styles.dragging)}
      aria-label="打开文件"
      data-testid="standalone-panel"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p className={styles.intro}>
        此页面在 Word 之外运行：文件只在本机浏览器中检查和修复，不会上传。{fileName ? '' : '把 .docx 文件拖到这里，或：'}
      </p>
      {fileName && <p className={styles.file} data-testid="file-name">当前文件：{fileName}</p>}
      <div className={styles.buttons}>
        <Button appearance={fileName ? 'secondary' : 'primary'} icon={<FolderOpenRegular />} disabledFocusable={busy} onClick={() => input.current?.click()}>
          {fileName ? '打开其他 .docx' : '打开 .docx'}
        </Button>
        <Button icon={<DocumentTextRegular />} disabledFocusable={busy} onClick={onLoadSample}>
          加载示例报告
        </Button>
        {downloadName && (
          <Button icon={<ArrowDownloadRegular />} disabledFocusable={busy} onClick={onDownload} title={downloadName} data-testid="download-fixed">
            下载修复后的文件
          </Button>
        )}
      </div>
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
