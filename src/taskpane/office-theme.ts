import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/**
 * Office's theme (colorful, dark grey, black, white) as a Fluent theme: dark when Office paints
 * the pane's body dark. High contrast is the system's forced colours, which apply over either.
 */
export function fluentThemeFor(officeTheme: { bodyBackgroundColor?: string } | undefined | null): Theme {
  const color = officeTheme?.bodyBackgroundColor;
  return color && luminance(color) < 0.4 ? webDarkTheme : webLightTheme;
}

/** Relative luminance (0 black … 1 white) of #rgb / #rrggbb; unreadable colours count as light. */
function luminance(hex: string): number {
  let h = hex.trim().replace(/^#/, '');
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}$/i.test(h)) return 1;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
