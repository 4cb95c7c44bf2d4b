/**
 * The part of @nocobase/client (v1) this plugin uses. The package cannot be installed here (its
 * dependencies are not published to the registry), so its type is declared by hand; at run time
 * the NocoBase page provides the real module.
 */
export interface PluginManager {
  get(name: string): unknown;
}

export interface Application {
  pm: PluginManager;
}

export declare class Plugin<Options = unknown> {
  app: Application;
  options: Options;
  afterAdd(): Promise<void>;
  beforeLoad(): Promise<void>;
  load(): Promise<void>;
}
