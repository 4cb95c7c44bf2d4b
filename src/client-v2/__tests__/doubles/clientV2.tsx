/**
 * TEST DOUBLE of @nocobase/client-v2 (see README.md here). Not the real module: the page provides
 * that one. `JsonTextArea` is an antd text area that hands on the parsed JSON when it is left.
 */
import type { JsonTextAreaProps } from '@nocobase/client-v2';
import { Input } from 'antd';
import React, { useState } from 'react';

export function JsonTextArea({ value, onChange, space, json5, showError, ...props }: JsonTextAreaProps) {
  const [text, setText] = useState(() => (value == null ? '' : JSON.stringify(value, null, space ?? 2)));
  return (
    <Input.TextArea
      {...props}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => {
        try {
          onChange?.(text.trim() ? JSON.parse(text) : null);
        } catch {
          // The real editor shows the error; the value stays as it was.
        }
      }}
    />
  );
}

export class Plugin {
  constructor(
    public options: Record<string, unknown>,
    protected app: Record<string, unknown>,
  ) {}

  async load() {}

  t(key: string) {
    return key;
  }
}
