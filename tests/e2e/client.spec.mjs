// The real client in the browser against the stand-in: one action of each service, every
// kind of failure it distinguishes, and cancellation when a page goes away.
import { test, expect } from './fixtures.mjs';
import { MediaPage } from './pages.mjs';

const SETTINGS_GET = 'guestaccess_settings.get';
const LINK_LIST = 'guestaccess_guestlink.list';

test('one action of each service', async ({ page, standin }) => {
  const link = await standin.firstLink('1_demoroom');
  const media = new MediaPage(page);

  await media.open('1_demoroom');
  await media.expectLoaded('Design review with guest speakers');
  const dialog = await media.openManageGuestAccess();
  await expect(dialog.rows().first().getByRole('rowheader')).toHaveText(link.name);

  await page.goto(new URL(link.url).pathname);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Design review with guest speakers',
  );
  await expect(page).toHaveTitle(/^Join Design review with guest speakers/);
  const after = await standin.firstLink('1_demoroom');
  expect(after.clicksUsed).toBe(link.clicksUsed);
});

test('guest link errors name the cause', async ({ page, standin }) => {
  const link = await standin.firstLink('1_demoroom');
  const path = new URL(link.url).pathname;
  const heading = page.getByRole('heading', { level: 1 });

  await standin.setLink(link.id, { expiresAt: 1 });
  await page.goto(path);
  await expect(heading).toHaveText('This link has expired');

  await standin.setLink(link.id, { expiresAt: null, clicksLimit: 2, clicksUsed: 2 });
  await page.goto(path);
  await expect(heading).toHaveText('This link has been used up');

  await standin.setEntry('1_demoroom', { enabled: false });
  await page.goto(path);
  await expect(heading).toHaveText('Guest access is turned off');

  await page.goto('/guest/no-such-token');
  await expect(heading).toHaveText('This link is no longer valid');
});

test.describe('transport failures', () => {
  // Chromium logs every response with an error status as a console error.
  test.use({ expectedConsoleErrors: [/status of 50[02]/] });

  for (const [kind, text] of [
    ['http500', "Couldn't reach the server: it answered with HTTP status 500. Try again."],
    ['html502', "Couldn't reach the server: it answered with HTTP status 502. Try again."],
    ['malformed', "Couldn't reach the server: its answer could not be read. Try again."],
    ['truncated', "Couldn't reach the server: its answer could not be read. Try again."],
    ['wrongObjectType', "Couldn't reach the server: its answer could not be read. Try again."],
  ]) {
    test(`${kind} shows a message and Retry recovers`, async ({ page, standin }) => {
      await standin.fault(SETTINGS_GET, kind);
      const media = new MediaPage(page);

      await media.open('1_demoroom');

      await expect(page.getByRole('alert')).toHaveText(new RegExp(`^${escape(text)}`));
      await page.getByRole('button', { name: 'Retry' }).click();
      await media.expectLoaded('Design review with guest speakers');
      await expect(media.menuButton).toBeVisible();
    });
  }
});

test('API error with unknown code shows its message', async ({ page, standin }) => {
  await standin.fault(LINK_LIST, 'apiError', {
    code: 'ROOMS_UNDER_MAINTENANCE',
    message: 'Rooms are closed for maintenance until 18:00 UTC.',
  });
  const media = new MediaPage(page);

  await media.open('1_demoroom');
  const dialog = await media.openManageGuestAccess();

  await expect(dialog.root.getByRole('alert')).toHaveText(
    /^Rooms are closed for maintenance until 18:00 UTC\./,
  );
  await dialog.root.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog.rows()).toHaveCount(1);
});

test('expired session offers a reload', async ({ page, standin }) => {
  await standin.fault(SETTINGS_GET, 'apiError', { code: 'INVALID_KS', message: 'ks expired' });
  const media = new MediaPage(page);

  await media.open('1_demoroom');

  await expect(page.getByRole('alert')).toContainText('Your session has expired.');
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Reload page' }).click();
  await media.expectLoaded('Design review with guest speakers');
});

test('time-out after 15 seconds offers Retry', async ({ page, standin }) => {
  test.setTimeout(45_000);
  await standin.fault(LINK_LIST, 'delay');
  const media = new MediaPage(page);

  await media.open('1_demoroom');
  const dialog = await media.openManageGuestAccess();

  await expect(dialog.root.getByRole('alert')).toHaveText(
    /^Couldn't reach the server: it did not answer in time\. Try again\./,
    { timeout: 20_000 },
  );
  await dialog.root.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog.rows()).toHaveCount(1);
});

test('leaving the page aborts its request', async ({ page, standin }) => {
  await standin.fault(SETTINGS_GET, 'delay', { delaySeconds: 10 });
  const aborted = page.waitForEvent('requestfailed', {
    predicate: (request) => request.url().endsWith('/guestaccess_settings/action/get'),
    timeout: 5_000,
  });

  await page.goto('/media/1_demoroom');
  await expect(page.getByText('Loading media')).toBeVisible();
  await page.evaluate(() => {
    window.history.pushState({}, '', '/no/such/page');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  expect((await aborted).failure().errorText).toBe('net::ERR_ABORTED');
});

test('closing the dialog aborts its request', async ({ page, standin }) => {
  await standin.fault(LINK_LIST, 'delay', { delaySeconds: 10 });
  const media = new MediaPage(page);
  await media.open('1_demoroom');
  const aborted = page.waitForEvent('requestfailed', {
    predicate: (request) => request.url().endsWith('/guestaccess_guestlink/action/list'),
    timeout: 5_000,
  });

  const dialog = await media.openManageGuestAccess();
  await expect(dialog.root.getByText('Loading guest links')).toBeVisible();
  await dialog.closeButton.click();

  await expect(dialog.root).toHaveCount(0);
  expect((await aborted).failure().errorText).toBe('net::ERR_ABORTED');
  await expect(media.menuButton).toBeFocused();
});

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
