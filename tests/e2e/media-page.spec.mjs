// The media page loads its entry's settings and links from the stand-in over fetch.
import { test, expect } from './fixtures.mjs';
import { MediaPage } from './pages.mjs';

test('media page shows entry name and links', async ({ page, standin }) => {
  const list = await standin.call('guestaccess_guestlink', 'list', {
    filter: { entryIdEqual: '1_demoroom' },
  });
  const media = new MediaPage(page);

  await media.open('1_demoroom');

  await media.expectLoaded('Design review with guest speakers');
  await expect(page).toHaveTitle(/^Design review with guest speakers/);
  await expect(media.guestAccess.getByText('Guest access is on.')).toBeVisible();
  await expect(media.guestAccess.getByText('1 link', { exact: true })).toBeVisible();
  await expect(media.linkRows()).toHaveCount(list.objects.length);
  const row = media.linkRows().first();
  await expect(row.getByRole('rowheader')).toHaveText(list.objects[0].name);
  await expect(row.getByRole('cell').nth(1)).toHaveText('unlimited');
  await expect(row.getByRole('cell').nth(2)).toHaveText('Active');
});

test('media page calls the API with the contract body', async ({ page }) => {
  const bodies = new Map();
  page.on('request', (request) => {
    const match = request.url().match(/\/api_v3\/service\/(\w+)\/action\/(\w+)$/);
    if (match) bodies.set(`${match[1]}.${match[2]}`, request.postDataJSON());
  });
  const media = new MediaPage(page);

  await media.open('1_demoroom');
  await expect(media.linkRows()).toHaveCount(1);

  const settings = bodies.get('guestaccess_settings.get');
  expect(settings.entryId).toBe('1_demoroom');
  expect(settings.format).toBe(1);
  expect(settings.clientTag).toMatch(/^guest-access-ui:\d+\.\d+\.\d+$/);
  expect(typeof settings.ks).toBe('string');
  const list = bodies.get('guestaccess_guestlink.list');
  expect(list.filter).toEqual({ entryIdEqual: '1_demoroom' });
});

test('media page never puts the session in the address', async ({ page, standin }) => {
  const config = await (await fetch(`${standin.origin}/config.json`)).json();
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  const media = new MediaPage(page);

  await media.open('1_demoroom');
  await expect(media.linkRows()).toHaveCount(1);

  expect(urls.filter((url) => url.includes(config.ks))).toEqual([]);
  expect(await page.evaluate(() => window.localStorage.length)).toBe(0);
});

test('entry without manage permission shows why', async ({ page }) => {
  const listCalls = [];
  page.on('request', (request) => {
    if (request.url().includes('guestaccess_guestlink/action/list')) listCalls.push(request);
  });
  const media = new MediaPage(page);

  await media.open('1_viewonlyroom');

  await media.expectLoaded('Department all-hands');
  await expect(
    media.guestAccess.getByText("You don't have permission to manage guest links for this media."),
  ).toBeVisible();
  expect(listCalls).toHaveLength(0);
});

test('media gallery room says guest access is not supported', async ({ page }) => {
  const media = new MediaPage(page);

  await media.open('1_galleryroom');

  await media.expectLoaded('Course media gallery');
  await expect(
    media.guestAccess.getByText('Guest access is not supported for media gallery rooms.'),
  ).toBeVisible();
});

test('unknown entry says the media no longer exists', async ({ page }) => {
  const media = new MediaPage(page);

  await media.open('1_nosuchentry');

  await media.expectLoaded('Media unavailable');
  await expect(page.getByRole('alert')).toHaveText('This media no longer exists.');
});

test('link with a click limit shows clicks used', async ({ page }) => {
  const media = new MediaPage(page);

  await media.open('1_lobbyroom');

  await media.expectLoaded('Office hours');
  await expect(media.linkRows()).toHaveCount(1);
  await expect(media.linkRows().first().getByRole('cell').nth(1)).toHaveText('0 of 50 used');
});

test('entry with no links says no links added', async ({ page }) => {
  const media = new MediaPage(page);

  await media.open('1_newroom');

  await media.expectLoaded('Research seminar');
  await expect(media.guestAccess.getByText('Guest access is off.')).toBeVisible();
  await expect(media.guestAccess.getByText('No links added')).toBeVisible();
  await expect(media.linkTable).toHaveCount(0);
});
