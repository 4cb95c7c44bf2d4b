/**
 * The part of @nocobase/client-v2 this plugin uses (not installable here: not served by the
 * registry). At run time the NocoBase page provides the real module.
 */
import type { TextAreaProps } from 'antd/es/input';
import type React from 'react';

export interface PluginManager {
  get(name: string): unknown;
}

export interface Application {
  pm: PluginManager;
}

export declare class Plugin<Options = unknown, App = Application> {
  app: App & Application;
  options: Options;
  afterAdd(): Promise<void>;
  beforeLoad(): Promise<void>;
  load(): Promise<void>;
}

/** A JSON editor: shows `value` as formatted JSON and reports the parsed value on blur. */
export interface JsonTextAreaProps extends Omit<TextAreaProps, 'value' | 'onChange'> {
  value?: unknown;
  onChange?: (value: unknown) => void;
  space?: number;
  json5?: boolean;
  showError?: boolean;
}

export declare const JsonTextArea: React.ComponentType<JsonTextAreaProps>;
