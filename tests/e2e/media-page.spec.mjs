// The media page loads its entry's settings from the stand-in and offers the menu.
import { test, expect } from './fixtures.mjs';
import { MediaPage } from './pages.mjs';

test('media page shows entry name and player', async ({ page }) => {
  const media = new MediaPage(page);

  await media.open('1_demoroom');

  await media.expectLoaded('Design review with guest speakers');
  await expect(page).toHaveTitle(/^Design review with guest speakers/);
  await expect(page.getByRole('img', { name: 'Media player' })).toBeVisible();
  await expect(media.menuButton).toHaveAttribute('aria-haspopup', 'menu');
});

test('media page calls the API with the contract body', async ({ page }) => {
  const bodies = new Map();
  page.on('request', (request) => {
    const match = request.url().match(/\/api_v3\/service\/(\w+)\/action\/(\w+)$/);
    if (match) bodies.set(`${match[1]}.${match[2]}`, request.postDataJSON());
  });
  const media = new MediaPage(page);

  await media.open('1_demoroom');
  const dialog = await media.openManageGuestAccess();
  await expect(dialog.rows()).toHaveCount(1);

  const settings = bodies.get('guestaccess_settings.get');
  expect(settings.entryId).toBe('1_demoroom');
  expect(settings.format).toBe(1);
  expect(settings.clientTag).toMatch(/^guest-access-ui:\d+\.\d+\.\d+$/);
  expect(typeof settings.ks).toBe('string');
  const list = bodies.get('guestaccess_guestlink.list');
  expect(list.filter).toEqual({ entryIdEqual: '1_demoroom' });
});

test('links load only when the dialog opens', async ({ page }) => {
  const listCalls = [];
  page.on('request', (request) => {
    if (request.url().endsWith('guestaccess_guestlink/action/list')) listCalls.push(request);
  });
  const media = new MediaPage(page);

  await media.open('1_demoroom');
  await media.expectLoaded('Design review with guest speakers');
  expect(listCalls).toHaveLength(0);

  await media.openManageGuestAccess();
  await expect.poll(() => listCalls.length).toBe(1);
});

test('media page never puts the session in the address', async ({ page, standin }) => {
  const config = await (await fetch(`${standin.origin}/config.json`)).json();
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  const media = new MediaPage(page);

  await media.open('1_demoroom');
  const dialog = await media.openManageGuestAccess();
  await expect(dialog.rows()).toHaveCount(1);

  expect(urls.filter((url) => url.includes(config.ks))).toEqual([]);
  expect(await page.evaluate(() => window.localStorage.length)).toBe(0);
});

test('no manage item without permission', async ({ page }) => {
  const media = new MediaPage(page);

  await media.open('1_viewonlyroom');

  await media.expectLoaded('Department all-hands');
  await expect(media.menuButton).toHaveCount(0);
  await expect(media.manageItem).toHaveCount(0);
});

test('no manage item on a media gallery room', async ({ page }) => {
  const media = new MediaPage(page);

  await media.open('1_galleryroom');

  await media.expectLoaded('Course media gallery');
  await expect(media.manageItem).toHaveCount(0);
});

test('unknown entry says the media does not exist', async ({ page }) => {
  const media = new MediaPage(page);

  await media.open('1_nosuchentry');

  await media.expectLoaded('Media unavailable');
  await expect(page.getByRole('alert')).toHaveText("This media doesn't exist or was deleted.");
});
