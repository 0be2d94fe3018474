// Start-up and routing: configuration errors and unknown addresses.
import { test, expect } from './fixtures.mjs';

test.describe('without a usable config.json', () => {
  // Chromium itself logs the 404 of the missing file as a console error.
  test.use({ expectedConsoleErrors: [/status of 404/] });

  test('missing config shows configuration error', async ({ page, standin }) => {
    await standin.serveConfig('missing');

    await page.goto('/media/1_demoroom');

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      "The app's configuration could not be loaded",
    );
    await expect(page.getByText('HTTP status 404')).toBeVisible();
    await expect(page).toHaveTitle(/^The app's configuration could not be loaded/);
  });

  test('malformed config shows configuration error', async ({ page, standin }) => {
    await standin.serveConfig('malformed');

    await page.goto('/media/1_demoroom');

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      "The app's configuration could not be loaded",
    );
    await expect(page.getByText('config.json is invalid: the file is not a JSON object')).toBeVisible();
  });
});

test('config is fetched from the base URL, not the route', async ({ page }) => {
  const configRequests = [];
  page.on('request', (request) => {
    if (request.url().endsWith('config.json')) configRequests.push(new URL(request.url()).pathname);
  });

  await page.goto('/media/1_demoroom');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Design review with guest speakers');

  expect(configRequests).toEqual(['/config.json']);
});

test('a new fragment keeps what the guest typed', async ({ page, standin }) => {
  const link = await standin.firstLink('1_demoroom');
  await page.goto(new URL(link.url).pathname);
  const name = page.getByRole('textbox', { name: 'Name' });
  await name.fill('Dana Levi');

  // Chromium fires popstate for a fragment navigation; the page must stay as it is.
  await page.evaluate(() => { window.location.hash = 'elsewhere'; });

  await expect(page).toHaveURL(/#elsewhere$/);
  await expect(name).toHaveValue('Dana Levi');
});

test('unknown address shows page not found', async ({ page }) => {
  await page.goto('/no/such/page');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page).toHaveTitle(/^Page not found/);
});

test.describe('gallery without config.json', () => {
  // index.html preloads config.json for the app's pages, so Chromium reports its 404.
  test.use({ expectedConsoleErrors: [/status of 404/] });

  test('gallery opens without config.json', async ({ page, standin }) => {
    await standin.serveConfig('missing');

    await page.goto('/gallery');

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Component gallery');
    await expect(page.locator('a[data-gallery-state]').first()).toBeVisible();
  });
});

test.describe('Content Security Policy', () => {
  test('pages load under the strict policy', async ({ page, standin }) => {
    const response = await page.goto('/media/1_demoroom');
    const policy = response.headers()['content-security-policy'];
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Design review with guest speakers');
    expect(await page.locator('script:not([src])').count(), 'inline scripts').toBe(0);

    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Manage guest access' }).click();
    await expect(page.getByRole('dialog', { name: 'Manage guest access' }).getByRole('table')).toBeVisible();

    const link = await standin.firstLink('1_demoroom');
    await page.goto(new URL(link.url).pathname);
    await expect(page.getByRole('textbox', { name: 'Name' })).toBeVisible();

    await page.goto('/gallery/toast/copy-fallback');
    const frame = page.frameLocator('iframe.ga-gallery-frame');
    await expect(frame.locator(':root')).toHaveAttribute('data-gallery-ready', 'true');
    // The fixture fails the test on any violation these pages report.
  });

  test.describe('with an injected inline script', () => {
    test.use({
      expectedConsoleErrors: [/inline script violates the following Content Security Policy/],
      expectedPolicyViolations: ['script-src-elem blocked inline'],
    });

    test('inline script is blocked', async ({ page }) => {
      await page.goto('/media/1_demoroom');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Design review with guest speakers');

      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.injectedScriptRan = true;';
        document.head.append(script);
      });

      await expect.poll(() => page.evaluate(() => window.injectedScriptRan ?? false)).toBe(false);
    });
  });
});

test('config.json is fetched while the wasm downloads, and once', async ({ page, standin }) => {
  const link = await standin.firstLink('1_demoroom');
  const configRequests = [];
  let configRequested;
  const configSeen = new Promise((resolve) => { configRequested = resolve; });
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/config.json') {
      configRequests.push(request);
      configRequested(true);
    }
  });
  // The wasm is held back until config.json is requested or 5 seconds pass. An app that
  // fetched its configuration only after the wasm started would show the wait.
  let seenBeforeWasm = false;
  await page.route(/_bg\.wasm$/, async (route) => {
    seenBeforeWasm = await Promise.race([configSeen, new Promise((resolve) => setTimeout(resolve, 5000, false))]);
    await route.continue();
  });

  await page.goto(new URL(link.url).pathname);
  await expect(page.getByRole('textbox', { name: 'Name' })).toBeVisible();

  expect(seenBeforeWasm, 'config.json requested before the wasm arrived').toBe(true);
  expect(configRequests.length, 'requests of config.json').toBe(1);
});

test('first load comes compressed, with hashed files cached for good', async ({ page, standin }) => {
  const responses = [];
  page.on('response', (response) => responses.push(response));
  const link = await standin.firstLink('1_demoroom');

  await page.goto(new URL(link.url).pathname);
  await expect(page.getByRole('textbox', { name: 'Name' })).toBeVisible();

  const files = responses.filter((response) => /\.(js|wasm|css)$/.test(new URL(response.url()).pathname));
  const names = files.map((response) => new URL(response.url()).pathname);
  expect(names.some((name) => name.endsWith('_bg.wasm')), `files: ${names}`).toBe(true);
  for (const response of files) {
    const name = new URL(response.url()).pathname;
    const headers = await response.allHeaders();
    expect(headers['content-encoding'], `${name} encoding`).toBe('br');
    expect(headers['cache-control'], `${name} caching`).toBe('public, max-age=31536000, immutable');
    expect(headers.vary, `${name} vary`).toMatch(/accept-encoding/i);
  }
  const documentHeaders = await responses.find((response) => response.request().isNavigationRequest()).allHeaders();
  expect(documentHeaders['cache-control'], 'index.html caching').toBe('no-cache');
  expect(documentHeaders['content-encoding'], 'index.html encoding').toBe('br');
  const config = responses.find((response) => new URL(response.url()).pathname === '/config.json');
  expect((await config.allHeaders())['cache-control'], 'config.json caching').toBe('no-store');
});
