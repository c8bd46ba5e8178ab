import { useState } from 'react';
import { Button, Textarea, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  status: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface DiagnosticsButtonProps {
  /** The host's diagnostics text (no document text in it). */
  getDiagnostics: () => Promise<string>;
}

/**
 * 复制诊断信息: copies what a developer needs to reproduce a problem from a real installation.
 * Where the clipboard is refused (some Office webviews), the text is shown to copy by hand.
 */
export function DiagnosticsButton({ getDiagnostics }: DiagnosticsButtonProps) {
  const styles = useStyles();
  const [status, setStatus] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const copy = async () => {
    setStatus('正在收集…');
    try {
      const diagnostics = await getDiagnostics();
      try {
        await navigator.clipboard.writeText(diagnostics);
        setText(null);
        setStatus('已复制诊断信息（不含文档文字），可粘贴到反馈邮件中。');
      } catch {
        setText(diagnostics);
        setStatus('无法访问剪贴板，请手动复制下面的文字。');
      }
    } catch (e) {
      setStatus(`无法收集诊断信息：${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div className={styles.root}>
      <Button appearance="secondary" onClick={() => void copy()} data-testid="copy-diagnostics">复制诊断信息</Button>
      <p className={styles.status} role="status">{status}</p>
      {text !== null && <Textarea readOnly value={text} aria-label="诊断信息" resize="vertical" />}
    </div>
  );
}
