import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';

/** Word is there but the add-in could not connect to it (e.g. Word too old): say so instead of a blank pane. */
export function StartupError({ message }: { message: string }) {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12 }}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>无法连接 Word</MessageBarTitle>
          {message}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
