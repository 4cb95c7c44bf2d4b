import { Locator, Page } from 'playwright-core';
import { waitUntil } from './waitUntil';

/** What a person does in the workflow designer, in the v1 client unless a step says otherwise. */
export class Designer {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async signIn() {
    await this.page.goto(`${this.baseUrl}/signin`);
    await this.page
      .getByPlaceholder(/Username|Email/i)
      .first()
      .fill('admin@nocobase.com');
    await this.page.getByPlaceholder(/Password/i).fill('admin123');
    await this.page.getByRole('button', { name: /Sign in/i }).click();
    await this.page.waitForURL(/\/admin/, { timeout: 60_000 });
  }

  /** The topmost open drawer. */
  drawer(): Locator {
    return this.page.locator('.ant-drawer-content-wrapper:visible').last();
  }

  async submitDrawer() {
    const drawer = this.drawer();
    await drawer.getByRole('button', { name: 'Submit' }).click();
    await drawer.waitFor({ state: 'hidden' });
  }

  /**
   * Opens "Add new" on a workflow list (`/admin/settings/workflow` in v1, `/v/admin/settings/workflow`
   * in v2) and picks "Webhook event", recognised by its one-line description; returns the drawer.
   */
  async startNewWebhookWorkflow(listPath: string, title: string): Promise<Locator> {
    await this.page.goto(`${this.baseUrl}${listPath}`);
    await this.page
      .getByRole('button', { name: /Add new/ })
      .first()
      .click();
    const drawer = this.drawer();
    await drawer.locator('input.ant-input').first().fill(title);
    await drawer.locator('.ant-select').first().click();
    await this.page
      .locator('.ant-select-item-option')
      .filter({ hasText: 'Webhook event' })
      .filter({ hasText: 'HTTP POST request to the webhook URL' })
      .click();
    await drawer.getByTestId('webhook-preset').waitFor();
    return drawer;
  }

  /** Creates a webhook workflow through "Add new" in the v1 client and opens it; returns its id. */
  async createWebhookWorkflow(title: string, sync: boolean): Promise<string> {
    const drawer = await this.startNewWebhookWorkflow('/admin/settings/workflow', title);
    await drawer.getByText(sync ? 'Synchronously' : 'Asynchronously', { exact: true }).click();
    await drawer.getByRole('button', { name: 'Submit' }).click();
    await drawer.waitFor({ state: 'hidden' });
    const row = this.page.locator('tr').filter({ hasText: title });
    await row.getByText('Configure').click();
    await this.page.waitForURL(/\/workflows\/\d+/);
    await this.triggerCard().waitFor();
    return this.page.url().match(/\/workflows\/(\d+)/)![1];
  }

  triggerCard(): Locator {
    return this.page.getByRole('button', { name: /^Trigger-/ }).first();
  }

  /** Opens the trigger's configuration drawer by its type tag (the title input takes clicks itself). */
  async openTriggerConfig(): Promise<Locator> {
    await this.triggerCard().getByText('Webhook event').click();
    const config = this.page.getByTestId('webhook-trigger-config');
    await config.waitFor();
    return config;
  }

  /**
   * Reads the URL from the read-only field. A headless browser does not reliably let a page read
   * the clipboard back, so the copy button is only checked for its confirmation; the displayed
   * value is what gets used.
   */
  async readWebhookUrl(): Promise<string> {
    await this.openTriggerConfig();
    await this.drawer().getByRole('button', { name: 'Copy' }).click();
    const copied = this.page.getByText('Copied').first();
    await copied.waitFor();
    const url = await this.page.getByTestId('webhook-url').inputValue();
    // The confirmation toast can sit over the drawer's close button until it fades out.
    await copied.waitFor({ state: 'hidden' });
    await this.closeDrawer();
    return url;
  }

  /** Closes the topmost drawer by its close button (executed versions have no Cancel). */
  async closeDrawer() {
    const drawer = this.drawer();
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
  }

  /** Closes one of several stacked drawers, named by its test id (the topmost one changes as it closes). */
  async closeDrawerNamed(testId: string) {
    const drawer = this.page.getByTestId(testId);
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
  }

  /** Opens "Add node" under the trigger and returns the entry of the HTTP Response node. */
  async openAddNodeMenu(): Promise<Locator> {
    await this.page.locator('[aria-label^="add-button"]').first().click();
    const item = this.page.locator('li[aria-label="response"]');
    await item.waitFor();
    return item;
  }

  /** Walks a variable picker opened by its "x" button, e.g. Trigger variables → Body → order → Order ID. */
  async pickVariable(field: Locator, labels: string[]) {
    await field.getByRole('button', { name: 'x' }).click();
    for (const label of labels) {
      await this.page
        .locator('.ant-cascader-menu-item')
        .filter({ hasText: new RegExp(`^${label}$`) })
        .last()
        .click();
    }
  }

  /** Opens an antd Select and picks the option with exactly this label. */
  async pickOption(select: Locator, label: string) {
    await select.click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .getByText(label, { exact: true })
      .click();
  }

  /** Types entries into a tags Select, each confirmed with Enter. */
  async addTags(select: Locator, entries: string[]) {
    const input = select.locator('input');
    for (const entry of entries) {
      await input.fill(entry);
      await input.press('Enter');
      await select.locator('.ant-select-selection-item').filter({ hasText: entry }).waitFor();
    }
  }

  /** Opens a workflow's canvas by its address: `/admin/settings/workflow/workflows/<id>` in v1, `/v/admin/workflow/workflows/<id>` in v2. */
  async openCanvas(client: 'v1' | 'v2', id: number | string) {
    const path = client === 'v1' ? '/admin/settings/workflow/workflows/' : '/v/admin/workflow/workflows/';
    await this.page.goto(`${this.baseUrl}${path}${id}`);
    await this.triggerCard().getByText('Webhook event').waitFor({ timeout: 60_000 });
  }

  /** Opens the delivery history from the trigger's drawer; returns the history drawer. */
  async openDeliveryHistory(): Promise<Locator> {
    await this.openTriggerConfig();
    await this.page.getByTestId('webhook-history-open').click();
    const history = this.page.getByTestId('webhook-history');
    await history.waitFor();
    return history;
  }

  /** The rows of the delivery history's table. */
  historyRows(): Locator {
    return this.page.getByTestId('webhook-history').locator('tbody tr.ant-table-row');
  }

  async enableWorkflow() {
    const toggle = this.page.locator('.workflow-toolbar').getByRole('switch');
    await toggle.click();
    await waitUntil(async () => (await toggle.getAttribute('aria-checked')) === 'true', 'the workflow to be enabled');
  }

  /** The execution history drawer of the open workflow (reloaded first: the menu item needs a run to exist). */
  async openExecutionHistory(): Promise<Locator> {
    await this.page.reload();
    await this.triggerCard().waitFor();
    await this.page.getByRole('button', { name: 'more' }).hover();
    await this.page.getByText('Execution history').click();
    const drawer = this.drawer();
    await drawer.getByText('Triggered at').waitFor();
    return drawer;
  }
}
