// Hostile input: markup, script URLs, direction overrides, control characters and long
// emoji names are either rejected with a message or shown as inert text wherever they
// appear, and no script of theirs ever runs.
import { test, expect } from './fixtures.mjs';
import { CreateDialog, MediaPage } from './pages.mjs';

const ROOM = '1_demoroom';
const LOBBY = '1_lobbyroom';
const MARKUP_NAMES = [
  '<img src=x onerror="window.injected=1">',
  'javascript:window.injected=1',
  '"><script>window.injected=1</script>',
  '<a href="javascript:window.injected=1" style="color:red">click</a>',
];

/** Fails the test if the page opens a JavaScript dialog or marks itself injected. */
function watchForInjection(page) {
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return async () => {
    expect(dialogs, 'JavaScript dialogs opened').toEqual([]);
    expect(await page.evaluate(() => window.injected ?? null), 'injected code ran').toBe(null);
  };
}

async function openDialog(page) {
  const media = new MediaPage(page);
  await media.open(ROOM);
  return media.openManageGuestAccess();
}

test('markup in link names stays text', async ({ page, standin }) => {
  const checkInjection = watchForInjection(page);
  // Two names come from another client, one from the form, in place of the demo link.
  const demo = await standin.firstLink(ROOM);
  await standin.control('link', { id: demo.id, delete: true });
  for (const name of MARKUP_NAMES.slice(0, 2)) {
    await standin.call('guestaccess_guestlink', 'add', { guestLink: { entryId: ROOM, name } });
  }
  const dialog = await openDialog(page);
  const typed = MARKUP_NAMES[2];
  await dialog.createLink({ name: typed });
  await expect(new CreateDialog(page).root).toHaveCount(0);

  for (const name of [...MARKUP_NAMES.slice(0, 2), typed]) {
    await expect(dialog.root.getByRole('rowheader', { name, exact: true })).toBeVisible();
    await expect(dialog.root.getByRole('button', { name: `Copy link ${name}`, exact: true })).toBeVisible();
  }
  expect(await dialog.table.locator('img, script, a').count(), 'elements made from names').toBe(0);

  await dialog.root.getByRole('button', { name: `Delete link ${typed}`, exact: true }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm.getByRole('heading')).toHaveText(`Delete \u201c${typed}\u201d?`);
  expect(await confirm.locator('script').count()).toBe(0);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.root.getByRole('status')).toHaveText('Link deleted');
  await checkInjection();
});

test('copy fallback shows markup as a value', async ({ page, standin }) => {
  const checkInjection = watchForInjection(page);
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  const name = MARKUP_NAMES[3];
  await standin.call('guestaccess_guestlink', 'add', { guestLink: { entryId: ROOM, name } });
  const dialog = await openDialog(page);

  await dialog.root.getByRole('button', { name: `Copy link ${name}`, exact: true }).click();

  await expect(dialog.root.getByText(`Link for ${name}`, { exact: true })).toBeVisible();
  expect(await dialog.root.locator('.ga-copy-fallback a').count()).toBe(0);
  await checkInjection();
});

test.describe('rejected characters', () => {
  for (const [label, name] of [
    ['direction override', 'invoice\u202Efdp.exe'],
    ['direction isolate', 'a\u2067b\u2069'],
    ['control character', 'Guest\u0007speakers'],
  ]) {
    test(`${label} in a link name is rejected`, async ({ page, standin }) => {
      const dialog = await openDialog(page);

      const form = await dialog.createLink({ name });

      await expect(form.errorOf('Link Name')).toHaveText(
        "Error: Link name can't contain line breaks, tabs or text-direction overrides",
      );
      await expect(form.name).toHaveValue(name);
      const list = await standin.call('guestaccess_guestlink', 'list', { filter: { entryIdEqual: ROOM } });
      expect(list.objects).toHaveLength(1);
    });
  }

  test('direction override in a guest name is rejected', async ({ page, standin }) => {
    const link = await standin.firstLink(ROOM);
    await page.goto(new URL(link.url).pathname);
    const name = page.getByRole('textbox', { name: 'Name' });

    await name.fill('Dana\u202Eilev');
    await page.getByRole('textbox', { name: 'Email' }).fill('dana@example.org');
    await page.getByRole('button', { name: 'Join' }).click();

    await expect(name).toHaveAccessibleDescription(
      "Error: Name can't contain line breaks, tabs or text-direction overrides",
    );
    await expect(name).toHaveValue('Dana\u202Eilev');
    expect((await standin.firstLink(ROOM)).clicksUsed).toBe(0);
  });
});

test.describe('emoji at the length limit', () => {
  const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
  // 14 families of 7 code points and 2 party poppers: 100 code points.
  const atLimit = family.repeat(14) + '\u{1F389}\u{1F389}';

  test('name at the limit is kept whole', async ({ page }) => {
    const dialog = await openDialog(page);

    await dialog.createLink({ name: atLimit });

    await expect(dialog.root.getByRole('rowheader', { name: atLimit, exact: true })).toBeVisible();
  });

  test('one more code point is rejected whole', async ({ page }) => {
    const dialog = await openDialog(page);

    const form = await dialog.createLink({ name: atLimit + '\u{1F389}' });

    await expect(form.errorOf('Link Name')).toContainText('Link name must be 100 characters or fewer');
    await expect(form.name).toHaveValue(atLimit + '\u{1F389}');
  });
});

test('guest name with markup stays text while waiting', async ({ page, standin }) => {
  const checkInjection = watchForInjection(page);
  const link = await standin.firstLink(LOBBY);
  await page.goto(new URL(link.url).pathname);
  const name = MARKUP_NAMES[0];

  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('textbox', { name: 'Email' }).fill('dana@example.org');
  await page.getByRole('button', { name: 'Join' }).click();

  await expect(page.locator('.ga-guest__name')).toHaveText(name);
  expect(await page.locator('main img').count()).toBe(0);
  await checkInjection();
});

test('entry name with markup stays text for guests', async ({ page, standin }) => {
  const checkInjection = watchForInjection(page);
  const name = MARKUP_NAMES[2];
  await standin.setEntry(ROOM, { name });
  const link = await standin.firstLink(ROOM);

  await page.goto(new URL(link.url).pathname);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page).toHaveTitle(`Join ${name} · Kaltura guest access`);
  await checkInjection();
});

test('links in the app open no window without noopener', async ({ page }) => {
  await page.goto('/gallery/manage-guest-access/two-links');
  await expect(page.frameLocator('iframe.ga-gallery-frame').locator(':root')).toHaveAttribute(
    'data-gallery-ready',
    'true',
  );

  const unsafe = await page.locator('a[target]').evaluateAll((links) =>
    links.filter((link) => !/\bnoopener\b/.test(link.rel) || !/\bnoreferrer\b/.test(link.rel)).map((link) => link.outerHTML),
  );
  expect(unsafe).toEqual([]);
  expect(await page.locator('a[target]').count()).toBeGreaterThan(0);
});
