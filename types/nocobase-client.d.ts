/**
 * The part of @nocobase/client (v1) this plugin uses. Its tarball is served, but its dependencies
 * (@nocobase/client-v2, @nocobase/flow-engine) are not, so it cannot be installed here and its type
 * is declared by hand; at run time the NocoBase page provides the real module.
 */
import type { FlowEngine } from '@nocobase/flow-engine';

export interface PluginManager {
  get(name: string): unknown;
}

/** Plugin settings pages (`/admin/settings/<name>`); `title` may be a `{{t(...)}}` template. */
export interface PluginSettingsManager {
  add(
    name: string,
    options: {
      title: string;
      icon?: string;
      Component?: import('react').ComponentType;
      aclSnippet?: string;
    },
  ): void;
}

export interface Application {
  pm: PluginManager;
  pluginSettingsManager: PluginSettingsManager;
  flowEngine: FlowEngine;
}

export declare class Plugin<Options = unknown> {
  app: Application;
  options: Options;
  load(): Promise<void>;
}
