import { theme } from 'antd';
import React from 'react';

/** Read-only monospace text (a body, a query, a raw body), scrolled when long. */
export function CodeBlock({ text, testId }: { text: string; testId?: string }) {
  const { token } = theme.useToken();
  return (
    <pre
      data-testid={testId}
      style={{
        margin: 0,
        padding: '8px 12px',
        maxHeight: 320,
        overflow: 'auto',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
        fontFamily: token.fontFamilyCode,
        fontSize: token.fontSizeSM,
        background: token.colorFillQuaternary,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
      }}
    >
      {text}
    </pre>
  );
}
