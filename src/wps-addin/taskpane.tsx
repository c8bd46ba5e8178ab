import { createRoot } from 'react-dom/client';
import { createWpsHost, wpsApplication } from '../hosts/wps';
import { App } from '../taskpane/components/App';
import { StartupError } from '../taskpane/components/StartupError';
import { errorMessage } from '../taskpane/use-report-check';

/** The WPS 加载项's task pane: the same React pane as in Word, over the WPS host. */
function main(): void {
  const root = createRoot(document.getElementById('root')!);
  const application = wpsApplication();
  if (!application) {
    root.render(<StartupError message="此页面是 WPS 加载项的任务窗格，需要在 WPS 文字中通过“年报检查”选项卡打开。在浏览器中请使用 taskpane.html。" />);
    return;
  }
  try {
    root.render(<App host={createWpsHost(application)} />);
  } catch (e) {
    root.render(<StartupError message={errorMessage(e)} />);
  }
}

main();
