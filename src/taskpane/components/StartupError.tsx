import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';

/** Word is there but the add-in could not connect to it (e.g. Word too old): say so instead of a blank pane. */
export function StartupError({ message, title = '无法连接 Word' }: { message: string; title?: string }) {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12 }}>
      <MessageBar intent="error" layout="multiline" data-testid="startup-error" style={{ overflowWrap: 'anywhere' }}>
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {message}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
