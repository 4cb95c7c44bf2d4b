import { executionHref, showExecutionsInSettings } from '../executionRoute';

describe('execution links', () => {
  afterEach(() => window.history.pushState({}, '', '/'));

  it("open the workflow plugin's v2 route under the client's own prefix", () => {
    window.history.pushState({}, '', '/v/admin/workflow/workflows/12');
    expect(executionHref(34)).toBe('/v/admin/workflow/executions/34');
    window.history.pushState({}, '', '/nocobase/v/admin/workflow/workflows/12');
    expect(executionHref('34')).toBe('/nocobase/v/admin/workflow/executions/34');
  });

  it('open its settings route once the v1 client says so', () => {
    showExecutionsInSettings();
    window.history.pushState({}, '', '/admin/settings/workflow/workflows/12');
    expect(executionHref(34)).toBe('/admin/settings/workflow/executions/34');
  });
});
