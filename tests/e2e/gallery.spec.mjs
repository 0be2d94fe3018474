// The component gallery: every state it lists, in both themes and both directions at
// 320 px, and a toolbar whose choices live in the address.
import { test, expect } from './fixtures.mjs';
import { discoverStates } from './pages.mjs';

/** Colours of the page background in each theme, from style/tokens.css. */
const BACKGROUNDS = { light: 'rgb(255, 255, 255)', dark: 'rgb(21, 23, 27)' };

/**
 * Records every failed request of the page and of its frames, and every request to the
 * backend, which the gallery must never make. Requests aborted because the test moved on
 * to the next page do not count.
 */
function watchNetwork(page) {
  const watch = { leaving: false, problems: [] };
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    // index.html preloads config.json for the app's pages, so only the API is off limits.
    if (pathname.startsWith('/api_v3/')) {
      watch.problems.push(`backend request: ${pathname}`);
    }
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    if (!(watch.leaving && reason === 'net::ERR_ABORTED')) {
      watch.problems.push(`failed request: ${request.url()} (${reason})`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) watch.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return watch;
}

/** Opens a state page and waits until its frame has rendered and played the state. */
async function openState(page, watch, path, query) {
  watch.leaving = true;
  await page.goto(`/${path}?${query}`);
  watch.leaving = false;
  const frame = page.frameLocator('iframe.ga-gallery-frame');
  await expect(frame.locator(':root')).toHaveAttribute('data-gallery-ready', /.+/);
  await expect(frame.locator(':root'), `${path} could not be brought into its state`).toHaveAttribute(
    'data-gallery-ready',
    'true',
  );
  return page.frames().find((candidate) => candidate.url().includes('/frame?'));
}

/** Returns what sticks out sideways in the frame: the page itself or an open dialog. */
function horizontalOverflow(frame) {
  return frame.evaluate(() => {
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      found.push(`page is ${root.scrollWidth} px wide in ${root.clientWidth} px`);
    }
    for (const toast of document.querySelectorAll('.ga-toast[data-state="shown"]')) {
      const box = toast.getBoundingClientRect();
      if (box.left < 0 || box.right > window.innerWidth) {
        found.push(`toast spans ${box.left} to ${box.right} px of ${window.innerWidth} px`);
      }
    }
    for (const dialog of document.querySelectorAll('dialog[open]')) {
      if (dialog.scrollWidth > dialog.clientWidth) {
        found.push(`dialog content is ${dialog.scrollWidth} px wide in ${dialog.clientWidth} px`);
      }
      const box = dialog.getBoundingClientRect();
      if (box.left < 0 || box.right > window.innerWidth) {
        found.push(`dialog spans ${box.left} to ${box.right} px of ${window.innerWidth} px`);
      }
    }
    return found;
  });
}

// Each theme is seen in both languages, and English is also seen mirrored.
const PREVIEWS = [
  { theme: 'light', lang: 'en', dir: 'ltr' },
  { theme: 'dark', lang: 'en', dir: 'rtl' },
  { theme: 'light', lang: 'he', dir: 'rtl' },
  { theme: 'dark', lang: 'he', dir: 'rtl' },
];
const HEBREW_LETTER = /[\u05d0-\u05ea]/;

for (const { theme, lang, dir } of PREVIEWS) {
  test(`every state at 320 px, ${theme}, ${lang}, ${dir}`, async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    const watch = watchNetwork(page);
    const paths = await discoverStates(page);
    expect(paths.length, 'states listed in the index').toBeGreaterThan(0);

    for (const path of paths) {
      const query = `lang=${lang}&theme=${theme}&dir=${dir}&width=320`;
      const frame = await openState(page, watch, path, query);
      expect(frame, `${path} has a frame`).toBeTruthy();

      const looks = await frame.evaluate(() => ({
        lang: document.documentElement.lang,
        // Visible text and accessible names, as an icon button has only the latter.
        text: [document.body.innerText, ...[...document.querySelectorAll('[aria-label]')]
          .map((element) => element.getAttribute('aria-label'))].join(' '),
        theme: document.documentElement.dataset.theme,
        direction: getComputedStyle(document.body).direction,
        background: getComputedStyle(document.body).backgroundColor,
        width: window.innerWidth,
      }));
      expect(looks.lang, `${path} language`).toBe(lang);
      expect(HEBREW_LETTER.test(looks.text), `${path} shows Hebrew`).toBe(lang === 'he');
      expect(looks.theme, `${path} theme`).toBe(theme);
      expect(looks.direction, `${path} direction`).toBe(dir);
      expect(looks.background, `${path} background`).toBe(BACKGROUNDS[theme]);
      expect(looks.width, `${path} frame width`).toBe(320);
      expect(await horizontalOverflow(frame), `${path} overflow at 320 px`).toEqual([]);

      const name = `${path.replace(/^gallery\//, '').replaceAll('/', '--')}--${lang}`;
      await page
        .locator('iframe.ga-gallery-frame')
        .screenshot({ path: testInfo.outputPath('screenshots', `${name}.png`) });
    }
    expect(watch.problems, 'network problems').toEqual([]);
  });
}

test('toolbar choices are kept in the address', async ({ page, context }) => {
  const path = '/gallery/manage-guest-access/two-links';
  await page.goto(path);
  const frameRoot = page.frameLocator('iframe.ga-gallery-frame').locator(':root');
  await expect(frameRoot).toHaveAttribute('data-gallery-ready', 'true');
  await expect(frameRoot).toHaveAttribute('data-theme', 'light');

  await page.getByRole('group', { name: 'Theme' }).getByRole('link', { name: 'Dark' }).click();
  await expect(page).toHaveURL(/lang=en&theme=dark&dir=ltr&width=1280$/);
  await expect(frameRoot).toHaveAttribute('data-theme', 'dark');

  await page.getByRole('group', { name: 'Direction' }).getByRole('link', { name: 'Right to left' }).click();
  await expect(page).toHaveURL(/lang=en&theme=dark&dir=rtl&width=1280$/);
  await expect(frameRoot).toHaveAttribute('dir', 'rtl');

  await page.getByRole('group', { name: 'Width' }).getByRole('link', { name: '320 px' }).click();
  await expect(page).toHaveURL(/lang=en&theme=dark&dir=rtl&width=320$/);
  await expect(page.locator('iframe.ga-gallery-frame')).toHaveAttribute('width', '320');

  // The address alone reproduces the preview in a new tab.
  const shared = await context.newPage();
  await shared.goto(page.url());
  const sharedRoot = shared.frameLocator('iframe.ga-gallery-frame').locator(':root');
  await expect(sharedRoot).toHaveAttribute('data-gallery-ready', 'true');
  await expect(sharedRoot).toHaveAttribute('data-theme', 'dark');
  await expect(sharedRoot).toHaveAttribute('dir', 'rtl');
  await expect(shared.locator('iframe.ga-gallery-frame')).toHaveAttribute('width', '320');
  for (const [group, choice] of [['Theme', 'Dark'], ['Direction', 'Right to left'], ['Width', '320 px']]) {
    await expect(
      shared.getByRole('group', { name: group }).getByRole('link', { name: choice }),
    ).toHaveAttribute('aria-current', 'true');
  }
});

test('language choice shows the component in Hebrew, mirrored', async ({ page }) => {
  await page.goto('/gallery/manage-guest-access/three-links');
  const frame = page.frameLocator('iframe.ga-gallery-frame');
  await expect(frame.locator(':root')).toHaveAttribute('data-gallery-ready', 'true');
  await expect(frame.getByRole('dialog', { name: 'Manage guest access' })).toBeVisible();

  await page.getByRole('group', { name: 'Language' }).getByRole('link', { name: 'Hebrew' }).click();

  await expect(page).toHaveURL(/lang=he&theme=light&dir=rtl&width=1280$/);
  await expect(frame.locator(':root')).toHaveAttribute('lang', 'he');
  await expect(frame.locator(':root')).toHaveAttribute('dir', 'rtl');
  await expect(frame.getByRole('dialog', { name: 'ניהול גישת אורחים' })).toBeVisible();
  await expect(frame.getByText('3 קישורים', { exact: true })).toBeVisible();
  // The gallery's own toolbar stays in English.
  await expect(page.locator(':root')).toHaveAttribute('lang', 'en');
  await expect(page.locator(':root')).toHaveAttribute('dir', 'ltr');
});

test('unknown preview values fall back to defaults', async ({ page }) => {
  await page.goto('/gallery/toast/link-copied?theme=purple&dir=up&width=5');

  const frameRoot = page.frameLocator('iframe.ga-gallery-frame').locator(':root');
  await expect(frameRoot).toHaveAttribute('data-gallery-ready', 'true');
  await expect(frameRoot).toHaveAttribute('data-theme', 'light');
  await expect(frameRoot).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('iframe.ga-gallery-frame')).toHaveAttribute('width', '1280');
});

test('next and previous follow the index', async ({ page }) => {
  const paths = await discoverStates(page);
  await page.goto(`/${paths[0]}?lang=en&theme=dark&dir=ltr&width=768`);
  await expect(page.getByRole('link', { name: /^Previous/ })).toHaveCount(0);

  await page.getByRole('link', { name: /^Next/ }).click();

  await expect(page).toHaveURL(new RegExp(`/${paths[1]}\\?lang=en&theme=dark&dir=ltr&width=768$`));
  await page.getByRole('link', { name: /^Previous/ }).click();
  await expect(page).toHaveURL(new RegExp(`/${paths[0]}\\?lang=en&theme=dark&dir=ltr&width=768$`));
});

test('unknown state is reported', async ({ page }) => {
  await page.goto('/gallery/no-such-component/nothing');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This gallery state does not exist');
  await page.getByRole('link', { name: 'All components' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Component gallery');
});

test('gallery dialogs work against fixtures', async ({ page }) => {
  await page.goto('/gallery/manage-guest-access/two-links/frame');
  await expect(page.locator(':root')).toHaveAttribute('data-gallery-ready', 'true');
  const dialog = page.getByRole('dialog', { name: 'Manage guest access' });
  await expect(dialog.getByRole('row')).toHaveCount(3);

  await dialog.getByRole('button', { name: 'Create new link' }).click();
  const form = page.getByRole('dialog', { name: 'Create new link' });
  await form.getByLabel('Link Name').fill('Alumni panel');
  await form.getByRole('button', { name: 'Create' }).click();

  await expect(dialog.getByRole('row')).toHaveCount(4);
  await expect(dialog.getByRole('rowheader', { name: 'Alumni panel' })).toBeVisible();
  await expect(dialog.getByText('This media has the maximum of 3 links')).toBeVisible();

  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Open the dialog again' }).click();
  // Opening again replays the state on fresh fixtures.
  await expect(page.getByRole('dialog', { name: 'Manage guest access' }).getByRole('row')).toHaveCount(3);
});

test('back returns address and frame together', async ({ page }) => {
  await page.goto('/gallery/toast/link-copied');
  const frameRoot = page.frameLocator('iframe.ga-gallery-frame').locator(':root');
  await expect(frameRoot).toHaveAttribute('data-gallery-ready', 'true');
  await page.getByRole('group', { name: 'Theme' }).getByRole('link', { name: 'Dark' }).click();
  await expect(frameRoot).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('link', { name: /^Next/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toasts: Link deleted');
  await expect(frameRoot).toHaveAttribute('data-gallery-ready', 'true');

  await page.goBack({ waitUntil: 'commit' });

  await expect(page).toHaveURL(/\/gallery\/toast\/link-copied\?lang=en&theme=dark/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toasts: Link copied');
  const frameAddress = () => page.frames().map((frame) => frame.url()).find((url) => url.includes('/frame?'));
  await expect.poll(frameAddress).toMatch(/\/toast\/link-copied\/frame\?lang=en&theme=dark&dir=ltr$/);
  await page.goBack({ waitUntil: 'commit' });
  await expect(page).toHaveURL(/\/gallery\/toast\/link-copied$/);
  await expect.poll(frameAddress).toMatch(/\/toast\/link-copied\/frame\?lang=en&theme=light&dir=ltr$/);
  await expect(frameRoot).toHaveAttribute('data-theme', 'light');
});

test('keyboard reaches the toolbar on a dialog state', async ({ page }) => {
  await page.goto('/gallery/create-link-form/empty');
  const frameRoot = page.frameLocator('iframe.ga-gallery-frame').locator(':root');
  await expect(frameRoot).toHaveAttribute('data-gallery-ready', 'true');

  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('group', { name: 'Language' }).getByRole('link', { name: 'English' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: /^Next/ })).toBeFocused();
});

test('closed gallery dialog replays its state', async ({ page }) => {
  await page.goto('/gallery/create-link-form/name-missing/frame');
  await expect(page.locator(':root')).toHaveAttribute('data-gallery-ready', 'true');
  const form = page.getByRole('dialog', { name: 'Create new link' });
  await expect(form.getByText('Enter a link name')).toBeVisible();

  await page.keyboard.press('Escape');
  const reopen = page.getByRole('button', { name: 'Open the dialog again' });
  await expect(reopen).toBeFocused();
  await reopen.press('Enter');

  await expect(page.locator(':root')).toHaveAttribute('data-gallery-ready', 'true');
  await expect(form.getByText('Enter a link name')).toBeVisible();
});

test('unknown gallery address stays in the gallery', async ({ page }) => {
  for (const path of ['/gallery/manage-guest-access', '/gallery/x/y/extra', '/gallery//']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('This gallery state does not exist');
  }
});
