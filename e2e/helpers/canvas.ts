import { Locator, Page } from 'playwright-core';

export type Client = 'v1' | 'v2';

const CANVAS_PATH: Record<Client, string> = {
  v1: '/admin/settings/workflow/workflows/',
  v2: '/v/admin/workflow/workflows/',
};
const EXECUTION_PATH: Record<Client, string> = {
  v1: '/admin/settings/workflow/executions/',
  v2: '/v/admin/workflow/executions/',
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The workflow canvas and execution pages of one client, as a person uses them. */
export class Canvas {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    readonly client: Client,
  ) {}

  triggerCard(): Locator {
    return this.page.getByRole('button', { name: /^Trigger-/ }).first();
  }

  /** Opens a workflow's canvas and waits for its trigger card, recognised by the trigger type's title. */
  async open(workflowId: number | string, triggerTitle = 'Webhook event') {
    await this.page.goto(`${this.baseUrl}${CANVAS_PATH[this.client]}${workflowId}`);
    await this.triggerCard().getByText(triggerTitle).waitFor({ timeout: 60_000 });
  }

  async openExecution(executionId: number | string) {
    await this.page.goto(`${this.baseUrl}${EXECUTION_PATH[this.client]}${executionId}`);
    await this.triggerCard().waitFor({ timeout: 60_000 });
  }

  /**
   * The entry of a node type in the "Add node" menu opened at the `at`-th "+" of the canvas (0 is
   * right under the trigger). v1 names entries by aria-label, v2 by menu id.
   */
  async addNodeMenuItem(type: string, at = 0): Promise<Locator> {
    await this.page.locator('[aria-label^="add-button"]').nth(at).click();
    const item = this.page.locator(this.client === 'v1' ? `li[aria-label="${type}"]` : `li[data-menu-id$="-${type}"]`);
    await item.waitFor();
    return item;
  }

  /** A node's card, by the title of its type (cards are named "<type>-<title>"). */
  nodeCard(typeTitle: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${escapeRegExp(typeTitle)}-`) }).first();
  }

  /** Opens a node's drawer by its type tag (the title input takes clicks itself); returns the drawer. */
  async openNode(typeTitle: string): Promise<Locator> {
    await this.nodeCard(typeTitle).locator('.ant-tag').first().click();
    const drawer = this.page.locator('.ant-drawer-content-wrapper:visible').last();
    await drawer.waitFor();
    return drawer;
  }

  /** Opens a variable picker by its "x" button and walks it by labels, e.g. Trigger variables → Event type. */
  async pickVariable(field: Locator, labels: string[]) {
    await field.getByRole('button', { name: 'x' }).click();
    for (const label of labels) {
      await this.pickerItem(label).click();
    }
  }

  /** An entry of the open variable picker, by its exact label. */
  pickerItem(label: string): Locator {
    return this.page
      .locator('.ant-cascader-menu-item')
      .filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) })
      .last();
  }

  /** The labels of the open picker's rightmost column. */
  async pickerColumn(): Promise<string[]> {
    return this.page.locator('.ant-cascader-menu').last().locator('.ant-cascader-menu-item').allInnerTexts();
  }

  /** On an execution's canvas: opens the result of a node's job; returns the dialog. */
  async openJobResult(typeTitle: string): Promise<Locator> {
    await this.nodeCard(typeTitle).locator('.workflow-node-actions button').last().click();
    const dialog = this.page.locator('.ant-modal-content:visible').last();
    await dialog.getByText('Node result').waitFor();
    return dialog;
  }

  async closeJobResult() {
    const dialog = this.page.locator('.ant-modal-content:visible').last();
    await dialog.locator('.ant-modal-close').click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
