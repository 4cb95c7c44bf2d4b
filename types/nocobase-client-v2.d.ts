/**
 * The part of @nocobase/client-v2 this plugin uses (not installable here: not served by the
 * registry). At run time the NocoBase page provides the real module.
 */
import type { TextAreaProps } from 'antd/es/input';
import type React from 'react';

export interface PluginManager {
  get(name: string): unknown;
}

/** A settings menu entry (`/v/admin/settings/<key>`) and the pages (tabs) under it. */
export interface PluginSettingsManager {
  addMenuItem(options: { key: string; title: string; icon?: string; aclSnippet?: string; sort?: number }): void;
  addPageTabItem(options: {
    menuKey: string;
    key: string;
    title: string;
    Component?: React.ComponentType;
    componentLoader?: () => Promise<{ default: React.ComponentType }>;
    aclSnippet?: string;
    sort?: number;
  }): void;
}

export interface Application {
  pm: PluginManager;
  pluginSettingsManager: PluginSettingsManager;
  i18n: { t(key: string, options?: Record<string, unknown>): string };
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
