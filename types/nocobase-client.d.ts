/**
 * The part of @nocobase/client (v1) this plugin uses. The package cannot be installed here (its
 * dependencies are not published to the registry), so its type is declared by hand; at run time
 * the NocoBase page provides the real module.
 */
export interface PluginManager {
  get(name: string): unknown;
}

/** Plugin settings pages (`/admin/settings/<name>`); `title` may be a `{{t(...)}}` expression. */
export interface PluginSettingsManager {
  add(
    name: string,
    options: {
      title: string;
      icon?: string;
      Component?: import('react').ComponentType;
      aclSnippet?: string;
      sort?: number;
    },
  ): void;
}

export interface Application {
  pm: PluginManager;
  pluginSettingsManager: PluginSettingsManager;
}

export declare class Plugin<Options = unknown> {
  app: Application;
  options: Options;
  afterAdd(): Promise<void>;
  beforeLoad(): Promise<void>;
  load(): Promise<void>;
}
