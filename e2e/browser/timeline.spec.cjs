// Browser test of the order timeline page (/ui), run by ./lotus e2e after newman against the same
// stack: a buyer and then staff use the page in headless Chromium. Every check waits for real
// content through Playwright's auto-waiting locators; none sleeps. Writes a screenshot of the
// timeline and a JSON summary (passed/failed checks) that ./lotus adds to its closing line.
//
// Environment: LOTUS_UI_BASE_URL (the gateway), LOTUS_CHROMIUM [/usr/bin/chromium],
// LOTUS_STAFF_EMAIL / LOTUS_STAFF_PASSWORD, LOTUS_E2E_RESULTS [../e2e-results].
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { chromium } = require('playwright-core');

const baseUrl = (process.env.LOTUS_UI_BASE_URL || 'http://127.0.0.1:18080').replace(/\/$/, '');
const chromiumPath = process.env.LOTUS_CHROMIUM || '/usr/bin/chromium';
const staff = {
  email: process.env.LOTUS_STAFF_EMAIL || 'staff@lotus.local',
  password: process.env.LOTUS_STAFF_PASSWORD || 'lotus-staff-local',
};
const results = process.env.LOTUS_E2E_RESULTS || path.join(__dirname, '..', 'e2e-results');
const screenshot = path.join(results, 'ui-timeline.png');
const report = path.join(results, 'ui-tests.json');
const WAIT_MS = 30_000;

// The flags this machine needs: no sandbox as root, no GPU, and no calls home that a closed
// network would refuse.
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const checks = [];

/** Runs one named check; after the first failure the rest are reported as not run. */
async function check(name, body) {
  if (checks.some((c) => c.status === 'failed')) {
    checks.push({ name, status: 'not run' });
    return;
  }
  const started = Date.now();
  try {
    await body();
    checks.push({ name, status: 'passed', ms: Date.now() - started });
    console.log(`  ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    const message = String(error.message || error).split('\n')[0];
    checks.push({ name, status: 'failed', ms: Date.now() - started, error: message });
    console.log(`  FAIL ${name}: ${message}`);
  }
}

async function api(method, route, body) {
  const response = await fetch(baseUrl + route, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

async function signIn(page, email, password) {
  const form = page.locator('#sign-in-form');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('#who-email', { hasText: email }).waitFor();
}

function entry(page, title) {
  return page.locator('#timeline-entries tbody tr').filter({
    has: page.locator('td.what', { hasText: new RegExp(`^${title}$`) }),
  });
}

async function scenario(page, consoleErrors) {
  const buyer = { email: `ui-${crypto.randomUUID()}@example.test`, password: 'lotus-ui-test-pw' };
  let orderId;
  const row = () => page.locator(`#order-list tr[data-order-id="${orderId}"]`);

  await check('a new buyer (registered through the API) signs in through the page', async () => {
    await api('POST', '/profile/register', buyer);
    await page.goto(`${baseUrl}/ui/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn(page, buyer.email, buyer.password);
    await page.getByRole('heading', { name: 'My orders' }).waitFor();
  });

  await check('the buyer adds money', async () => {
    await page.locator('#add-money-form').getByLabel('Amount').fill('1000');
    await page.getByRole('button', { name: 'Add money' }).click();
    await page.locator('#message', { hasText: /Balance is now 1000/ }).waitFor();
  });

  await check('the buyer places an order for product 2', async () => {
    await page.locator('#place-form').getByLabel('Product').selectOption('2');
    await page.getByRole('button', { name: 'Place order' }).click();
    const placed = page.locator('#message', { hasText: /^Order [0-9a-f-]{36} placed\.$/ });
    await placed.waitFor();
    orderId = (await placed.textContent()).match(/[0-9a-f-]{36}/)[0];
  });

  await check('the order is listed as waiting in ValidatingStock for STOCK', async () => {
    await row().locator('td.status', { hasText: 'ValidatingStock' }).waitFor();
    await row().locator('td.waiting-for', { hasText: 'STOCK' }).waitFor();
  });

  await check('its timeline shows the workflow start, the charge and the wait for stock', async () => {
    await row().getByRole('button', { name: orderId }).click();
    await page.locator('#timeline-order', { hasText: orderId }).waitFor();
    await page.locator('#timeline-source', { hasText: 'workflow-history' }).waitFor();
    await entry(page, 'Workflow started').waitFor();
    await entry(page, 'ChargeOrder completed').filter({ hasText: 'CHARGED' }).waitFor();
    await entry(page, 'Waiting for STOCK').waitFor();
  });

  await check('the page names the temporal CLI command for the order', async () => {
    await page
      .locator('#temporal-command', {
        hasText: `temporal workflow show --workflow-id order-${orderId} --namespace default`,
      })
      .waitFor();
  });

  await check('staff sign in through the page and see the order among all orders', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, staff.email, staff.password);
    await page.locator('#who-role', { hasText: 'STAFF' }).waitFor();
    await page.getByRole('heading', { name: 'All orders' }).waitFor();
    await row().locator('td.status', { hasText: 'ValidatingStock' }).waitFor();
  });

  await check('staff add stock from the order timeline', async () => {
    await row().getByRole('button', { name: orderId }).click();
    await entry(page, 'Waiting for STOCK').waitFor();
    await page.getByRole('button', { name: 'Add stock: 1 unit of product 2' }).click();
    await page.locator('#message', { hasText: /Product 2 now has/ }).waitFor();
  });

  await check('the timeline shows the stockAdded signal and the states after it', async () => {
    await entry(page, 'Signal stockAdded received').waitFor();
    await entry(page, 'ReserveStock completed').filter({ hasText: 'RESERVED' }).waitFor();
    await entry(page, 'ValidatingDelivery').waitFor();
    await entry(page, 'NotifyingSourceSystem').waitFor();
    await entry(page, 'Workflow completed').waitFor();
    await row().locator('td.status', { hasText: 'NotifyingSourceSystem' }).waitFor();
  });

  await check('the states come in saga order', async () => {
    const titles = await page.locator('#timeline-entries td.what').allTextContents();
    const order = ['Workflow started', 'ChargeOrder completed', 'Waiting for STOCK',
      'Signal stockAdded received', 'ValidatingDelivery', 'NotifyingSourceSystem', 'Workflow completed'];
    const positions = order.map((title) => titles.indexOf(title));
    if (positions.some((p, i) => p < 0 || (i > 0 && p < positions[i - 1]))) {
      throw new Error(`timeline order is ${JSON.stringify(titles)}`);
    }
  });

  await check('a screenshot of the timeline is kept', async () => {
    await page.locator('#timeline').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot, fullPage: true });
    if (fs.statSync(screenshot).size < 10_000) throw new Error(`${screenshot} is nearly empty`);
  });

  await check('the page ran without script errors or policy violations', async () => {
    if (consoleErrors.length) throw new Error(consoleErrors.join(' | '));
  });
}

async function main() {
  fs.mkdirSync(results, { recursive: true });
  fs.rmSync(report, { force: true });
  const started = Date.now();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(WAIT_MS);
    const consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await scenario(page, consoleErrors);
    if (checks.some((c) => c.status === 'failed')) {
      await page.screenshot({ path: path.join(results, 'ui-failure.png'), fullPage: true }).catch(() => {});
    }
  } finally {
    await browser.close();
  }
  const passed = checks.filter((c) => c.status === 'passed').length;
  const failed = checks.length - passed;
  fs.writeFileSync(
    report,
    JSON.stringify({ baseUrl, passed, failed, durationMs: Date.now() - started, screenshot, checks }, null, 2),
  );
  console.log(`browser checks: ${passed} passed, ${failed} failed (${Date.now() - started} ms; ${report})`);
  return failed === 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(`browser test could not run: ${error.stack || error}`);
    fs.mkdirSync(results, { recursive: true });
    fs.writeFileSync(report, JSON.stringify({ baseUrl, passed: 0, failed: 1, error: String(error), checks }, null, 2));
    process.exit(1);
  },
);
