import { getWorkflowExecutionPath, WORKFLOW_EXECUTION_SETTINGS_ROUTE_PATH } from '@nocobase/plugin-workflow/client-v2';

/** Where this client shows an execution: the workflow plugin's v2 route, unless the v1 client says otherwise. */
let route = (id: number | string) => getWorkflowExecutionPath(id);

/**
 * The v1 client serves executions under its settings, at the workflow plugin's
 * `WORKFLOW_EXECUTION_SETTINGS_ROUTE_PATH`; its plugin calls this when it loads. Each client has its
 * own bundle, so the v2 client keeps the v2 route.
 */
export function showExecutionsInSettings() {
  route = (id) => WORKFLOW_EXECUTION_SETTINGS_ROUTE_PATH.replace(':id', encodeURIComponent(String(id)));
}

/** What comes before the client's own routes: its public path, and `/v` in the v2 client. */
function clientBase(pathname: string): string {
  const admin = pathname.indexOf('/admin/');
  return admin > 0 ? pathname.slice(0, admin) : '';
}

/** The address of an execution's page in the current client, for a link. */
export function executionHref(id: number | string): string {
  return `${clientBase(window.location.pathname)}${route(id)}`;
}
