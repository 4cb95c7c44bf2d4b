import { Locator, Page } from 'playwright-core';

export type StepName = 'subscribe' | 'refresh' | 'unsubscribe';

export interface StepValues {
  url: string;
  headers?: Array<[string, string]>;
  /** Typed into the body's JSON mode. */
  json?: string;
  state?: Array<[string, string]>;
  nextRefreshAt?: string;
  every?: number;
}

/** The trigger drawer's "Register with the sender" section, filled in as a person does. */
export class SubscriptionForm {
  constructor(readonly page: Page) {}

  section(): Locator {
    return this.page.getByTestId('webhook-section-subscription');
  }

  /** Turns on the registration, or a step of it (refresh, unsubscribe). */
  async turnOn(step?: Exclude<StepName, 'subscribe'>) {
    const toggle = this.page.getByTestId(
      step ? `webhook-subscription-${step}-enabled` : 'webhook-subscription-enabled',
    );
    await toggle.scrollIntoViewIfNeeded();
    await toggle.click();
    await this.page.getByTestId(`webhook-subscription-${step ?? 'subscribe'}-url`).waitFor();
  }

  async fill(step: StepName, values: StepValues) {
    const id = (name: string) => this.page.getByTestId(`webhook-subscription-${step}-${name}`);
    await id('url').fill(values.url);
    for (const [name, value] of values.headers ?? []) {
      await id('headers').getByRole('button', { name: 'Add header' }).click();
      const row = this.page.getByTestId(`webhook-subscription-${step}-headers-row`).last();
      await row.getByPlaceholder('Header name').fill(name);
      await row.getByPlaceholder('Value').fill(value);
    }
    if (values.json !== undefined) {
      await id('body').getByText('JSON', { exact: true }).click();
      const body = id('body').locator('textarea');
      await body.fill(values.json);
      // Leaving the field reformats the JSON and moves what is below it: done before the next click.
      await body.blur();
    }
    for (const [name, template] of values.state ?? []) {
      const rows = await id('state-row').count();
      await id('state-add').click();
      await id('state-row').nth(rows).waitFor();
      await id('state-name').last().fill(name);
      await id('state-template').last().fill(template);
    }
    if (values.nextRefreshAt !== undefined) {
      await id('next-refresh').fill(values.nextRefreshAt);
    }
    if (values.every !== undefined) {
      await id('every').fill(String(values.every));
    }
  }

  /** The registration's state view at the top of the section, once it has read the server's answer. */
  stateView(): Locator {
    return this.page.getByTestId('webhook-subscription-state-view');
  }
}
