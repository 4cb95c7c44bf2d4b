/**
 * The part of @nocobase/client-v2 this plugin uses (not installable here: not served by the
 * registry). At run time the NocoBase page provides the real module.
 */
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
