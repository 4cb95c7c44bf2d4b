/**
 * The part of @nocobase/client-v2 this plugin uses. The package is not published to the registry
 * this project installs from, so it has no declarations here; at run time the NocoBase page
 * provides the real module. Only what the plugin calls is declared, as NocoBase 2.2 has it.
 */
import type { FlowEngine } from '@nocobase/flow-engine';
import type { TextAreaProps } from 'antd/es/input';
import type React from 'react';

export interface PluginManager {
  get(name: string): unknown;
}

/** A settings menu entry (`/v/admin/settings/<key>`) and the pages (tabs) under it. */
export interface PluginSettingsManager {
  addMenuItem(options: { key: string; title: string; icon?: string; aclSnippet?: string }): void;
  addPageTabItem(options: {
    menuKey: string;
    key: string;
    title: string;
    componentLoader: () => Promise<{ default: React.ComponentType }>;
    aclSnippet?: string;
  }): void;
}

export interface Application {
  pm: PluginManager;
  pluginSettingsManager: PluginSettingsManager;
  flowEngine: FlowEngine;
}

export declare class Plugin<Options = unknown, App extends Application = Application> {
  protected app: App;
  options: Options;
  get pluginSettingsManager(): PluginSettingsManager;
  load(): Promise<void>;
  /** Translates with the plugin's own namespace (its package name). */
  t(key: string, options?: Record<string, unknown>): string;
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
