// Shared test setup: every test fails if the page logs a console error or warning, throws, or
// fails to fetch a file (an error status, or a request that could not complete).
import { test as base, expect } from '@playwright/test';

// Playwright's own line when a test blocks service workers (the config's default): not the page's.
const PLAYWRIGHT_SW_BLOCKED = 'Service Worker registration blocked by Playwright';

/**
 * Collects what `page` reports as going wrong: console errors and warnings, uncaught errors,
 * error statuses and failed requests. The fixture below watches every test's page with it; a
 * test that opens pages of its own (another browser context) watches them too.
 */
export function watchProblems(page) {
  const problems = [];
  page.on('console', (message) => {
    const type = message.type();
    if (type === 'error') problems.push(`console error: ${message.text()}`);
    if (type === 'warning' && message.text() !== PLAYWRIGHT_SW_BLOCKED) {
      problems.push(`console warning: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    // Leaving a page cancels its pending requests; that is not a fault of the page.
    const reason = request.failure()?.errorText;
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${reason})`);
  });
  return problems;
}

export const test = base.extend({
  problems: [
    async ({ page }, use) => {
      const problems = watchProblems(page);
      await use(problems);
      expect(problems, 'the page reported errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the app has mounted (the header is rendered by Rust, not by index.html). */
export async function appMounted(page) {
  await expect(page.locator('header.site-header')).toBeVisible();
}

/** The markers the Rust side set in Monaco, as plain objects. */
export function rustMarkers(page) {
  return page.evaluate(() =>
    globalThis.monaco.editor
      .getModelMarkers({ owner: 'iamplay' })
      .map(({ startLineNumber, startColumn, endColumn, message, severity }) => ({
        startLineNumber,
        startColumn,
        endColumn,
        message,
        severity,
      })),
  );
}

/** The text Monaco holds. */
export function editorText(page) {
  return page.evaluate(() => globalThis.monaco.editor.getModels()[0].getValue());
}
