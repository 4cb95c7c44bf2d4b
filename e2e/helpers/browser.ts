import fs from 'fs';
import path from 'path';
import { Browser, chromium, Page } from 'playwright-core';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots');
const OUR_BUNDLE = 'plugin-workflow-webhook';

export interface BrowserSession {
  page: Page;
  /** Uncaught errors and logged React errors that point at this plugin's bundles. */
  pluginErrors: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with everything that would reach outside this machine turned off. */
export async function openBrowser(): Promise<BrowserSession> {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const pluginErrors: string[] = [];
  page.on('pageerror', (error) => {
    const text = `${error.message}\n${error.stack ?? ''}`;
    if (text.includes(OUR_BUNDLE)) {
      pluginErrors.push(text);
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes(OUR_BUNDLE)) {
      pluginErrors.push(message.text());
    }
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    page,
    pluginErrors,
    screenshot: async (name) => {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
    },
    close: () => browser.close(),
  };
}
