// Accessibility: axe-core finds no WCAG 2.1 A or AA violation on any page, dialog or
// gallery state, in the light and the dark theme, in English and in Hebrew.
import { test, expect } from './fixtures.mjs';
import { expectNoAxeViolations } from './axe.mjs';
import { CreateDialog, GuestPage, MediaPage, discoverStates } from './pages.mjs';

const ROOM = '1_demoroom';
const LOBBY = '1_lobbyroom';

/** Colours of the page background in each theme, from style/tokens.css. */
const BACKGROUNDS = { light: 'rgb(255, 255, 255)', dark: 'rgb(21, 23, 27)' };

async function openDialog(page) {
  const media = new MediaPage(page);
  await media.open(ROOM);
  return media.openManageGuestAccess();
}

async function addLinks(standin, names) {
  for (const name of names) {
    await standin.call('guestaccess_guestlink', 'add', { guestLink: { entryId: ROOM, name } });
  }
}

/** Opens a guest link of the lobby room and joins, so that the guest waits for a moderator. */
async function waitInLobby(page, standin) {
  const guest = new GuestPage(page);
  await guest.open(await standin.firstLink(LOBBY));
  await guest.fillAndJoin();
  await expect(guest.heading).toHaveText('Waiting for the moderator to let you in');
  return guest;
}

// Each cause of a guest link that cannot be used, with the heading of its page.
const LINK_PROBLEMS = [
  ['access turned off', 'Guest access is turned off', (s) => s.setEntry(ROOM, { enabled: false })],
  ['link deleted', 'This link is no longer valid', (s, link) => s.control('link', { id: link.id, delete: true })],
  ['link expired', 'This link has expired', (s) => s.control('clock', { advanceSeconds: 31 * 86_400 })],
  ['clicks used up', 'This link has been used up', (s, link) => s.setLink(link.id, { clicksLimit: 1, clicksUsed: 1 })],
  ['room deleted', 'This session is no longer available', (s) => s.control('entry', { entryId: ROOM, delete: true })],
  ['gallery room', "Guests can't join this media", (s) => s.setEntry(ROOM, { entryType: 'mediaGalleryRoom' })],
];

for (const colorScheme of ['light', 'dark']) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    // An audit in the wrong theme would pass without checking that theme's contrast.
    test.afterEach(async ({ page }) => {
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background, 'page background').toBe(BACKGROUNDS[colorScheme]);
    });

    test.describe('moderator', () => {
      test('media page with the menu open', async ({ page }) => {
        const media = new MediaPage(page);
        await media.open(ROOM);
        await media.menuButton.click();
        await expect(media.manageItem).toBeFocused();

        await expectNoAxeViolations(page, 'the open menu');
      });

      test('manage dialog with no links', async ({ page, standin }) => {
        const link = await standin.firstLink(ROOM);
        await standin.control('link', { id: link.id, delete: true });
        const dialog = await openDialog(page);
        await dialog.expectCount('No links added');

        await expectNoAxeViolations(page, 'the dialog with no links');
      });

      test('manage dialog with three links', async ({ page, standin }) => {
        await addLinks(standin, ['Panel', 'Alumni']);
        const dialog = await openDialog(page);
        await dialog.expectCount('3 links');

        await expectNoAxeViolations(page, 'the dialog with three links');
      });

      test('manage dialog with access off', async ({ page, standin }) => {
        await standin.setEntry(ROOM, { enabled: false });
        const dialog = await openDialog(page);
        await expect(dialog.accessSwitch).toHaveAttribute('aria-checked', 'false');
        await expect(dialog.rows().getByText('Inactive')).toBeVisible();

        await expectNoAxeViolations(page, 'the dialog with guest access off');
      });

      test('create form submitted empty', async ({ page }) => {
        const dialog = await openDialog(page);
        await dialog.createButton.click();
        const form = new CreateDialog(page);
        await form.submit.click();
        await expect(form.errorOf('Link Name')).toBeVisible();

        await expectNoAxeViolations(page, 'the create form with a missing name');
      });

      test('create form with invalid values', async ({ page }) => {
        const dialog = await openDialog(page);
        const form = await dialog.createLink({ name: 'x'.repeat(101), clicks: '2.5', duration: '366' });
        await expect(form.errorOf('Link Name')).toBeVisible();
        await expect(form.errorOf('# of clicks')).toBeVisible();
        await expect(form.errorOf('Duration')).toBeVisible();

        await expectNoAxeViolations(page, 'the create form with three invalid fields');
      });

      test('delete confirmation', async ({ page, standin }) => {
        const link = await standin.firstLink(ROOM);
        const dialog = await openDialog(page);
        await dialog.root.getByRole('button', { name: `Delete link ${link.name}` }).click();
        await expect(page.getByRole('alertdialog')).toBeVisible();

        await expectNoAxeViolations(page, 'the delete confirmation');
      });
    });

    test.describe('guest', () => {
      test('form with field errors', async ({ page, standin }) => {
        const guest = new GuestPage(page);
        await guest.open(await standin.firstLink(ROOM));
        await guest.join.click();
        await expect(guest.email).toHaveAccessibleDescription(/Enter your email address/);

        await expectNoAxeViolations(page, 'the guest form with both fields missing');

        await guest.fillAndJoin('Dana', 'dana@localhost');
        await expect(guest.email).toHaveAccessibleDescription(/in the correct format/);

        await expectNoAxeViolations(page, 'the guest form with an invalid email');
      });

      test('waiting page', async ({ page, standin }) => {
        await waitInLobby(page, standin);

        await expectNoAxeViolations(page, 'the waiting page');
      });

      test('denied page', async ({ page, standin }) => {
        const guest = await waitInLobby(page, standin);
        await standin.control('admission', { decision: 'deny' });
        await expect(guest.heading).toHaveText('The moderator declined your request', { timeout: 15_000 });

        await expectNoAxeViolations(page, 'the denied page');
      });

      test('expired ticket page', async ({ page, standin }) => {
        const guest = await waitInLobby(page, standin);
        await standin.control('clock', { advanceSeconds: 3_600 });
        await expect(guest.heading).toHaveText('Your request to join is no longer valid', { timeout: 15_000 });

        await expectNoAxeViolations(page, 'the expired ticket page');
      });

      test('unsafe session address page', async ({ page, standin }) => {
        await standin.setEntry(ROOM, { joinOrigin: 'https://rooms.elsewhere.example' });
        const guest = new GuestPage(page);
        await guest.open(await standin.firstLink(ROOM));
        await guest.fillAndJoin();
        await expect(guest.heading).toHaveText("This session can't be opened safely");

        await expectNoAxeViolations(page, 'the unsafe session address page');
      });

      for (const [cause, title, apply] of LINK_PROBLEMS) {
        test(`error page: ${cause}`, async ({ page, standin }) => {
          const link = await standin.firstLink(ROOM);
          await apply(standin, link);
          const guest = new GuestPage(page);
          await guest.open(link);
          await expect(guest.heading).toHaveText(title);

          await expectNoAxeViolations(page, `the page for ${cause}`);
        });
      }

      test.describe('transport failures', () => {
        test.use({ expectedConsoleErrors: [/status of 500/] });

        test('error page: server unreachable', async ({ page, standin }) => {
          await standin.fault('guestaccess_guest.resolve', 'http500');
          const guest = new GuestPage(page);
          await guest.open(await standin.firstLink(ROOM));
          await expect(guest.heading).toHaveText("Couldn't reach the server");

          await expectNoAxeViolations(page, 'the page for a failed resolve');
        });

        test('form after a failed join', async ({ page, standin }) => {
          await standin.fault('guestaccess_guest.join', 'http500');
          const guest = new GuestPage(page);
          await guest.open(await standin.firstLink(ROOM));
          await guest.fillAndJoin();
          await expect(page.getByRole('alert')).toContainText("Couldn't reach the server");

          await expectNoAxeViolations(page, 'the guest form after a failed join');
        });
      });
    });

    test.describe('app shell', () => {
      test('page not found', async ({ page }) => {
        await page.goto('/no/such/page');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');

        await expectNoAxeViolations(page, 'the page not found');
      });

      test.describe('without config.json', () => {
        test.use({ expectedConsoleErrors: [/status of 404/] });

        test('configuration error page', async ({ page, standin }) => {
          await standin.serveConfig('missing');
          await page.goto('/media/1_demoroom');
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(
            "The app's configuration could not be loaded",
          );

          await expectNoAxeViolations(page, 'the configuration error page');
        });
      });

      test('gallery index and a state page', async ({ page }) => {
        await discoverStates(page);
        await expectNoAxeViolations(page, 'the gallery index');

        await page.goto(`/gallery/manage-guest-access/three-links?theme=${colorScheme}`);
        const frameRoot = page.frameLocator('iframe.ga-gallery-frame').locator(':root');
        await expect(frameRoot).toHaveAttribute('data-gallery-ready', 'true');

        await expectNoAxeViolations(page, 'a gallery state page with its toolbar');
      });
    });
  });
}

// Each theme in both languages, and English mirrored once.
const FRAME_PREVIEWS = [
  { theme: 'light', lang: 'en', dir: 'ltr' },
  { theme: 'dark', lang: 'en', dir: 'rtl' },
  { theme: 'light', lang: 'he', dir: 'rtl' },
  { theme: 'dark', lang: 'he', dir: 'rtl' },
];

for (const { theme, lang, dir } of FRAME_PREVIEWS) {
  test(`every gallery frame, ${theme}, ${lang}, ${dir}`, async ({ page }) => {
    test.setTimeout(600_000);
    const paths = await discoverStates(page);
    expect(paths.length, 'states listed in the index').toBeGreaterThan(0);

    for (const path of paths) {
      await page.goto(`/${path}/frame?lang=${lang}&theme=${theme}&dir=${dir}`);
      await expect(page.locator(':root'), `${path} could not be brought into its state`).toHaveAttribute(
        'data-gallery-ready',
        'true',
      );
      await expect(page.locator(':root'), `${path} language`).toHaveAttribute('lang', lang);
      await expect(page.locator('body'), `${path} background`).toHaveCSS('background-color', BACKGROUNDS[theme]);

      await expectNoAxeViolations(page, path);
    }
  });
}

for (const colorScheme of ['light', 'dark']) {
  test.describe(`Hebrew, ${colorScheme} theme`, () => {
    test.use({ colorScheme, locale: 'he-IL' });

    test('manage dialog, create form errors and delete confirmation', async ({ page }) => {
      await page.goto(`/media/${ROOM}`);
      await expect(page.locator(':root')).toHaveAttribute('lang', 'he');
      await page.getByRole('button', { name: 'פעולות נוספות' }).click();
      await expectNoAxeViolations(page, 'the open menu, in Hebrew');

      await page.getByRole('menuitem', { name: 'ניהול גישת אורחים' }).click();
      const dialog = page.getByRole('dialog', { name: 'ניהול גישת אורחים' });
      await expect(dialog.getByRole('table')).toBeVisible();
      await expectNoAxeViolations(page, 'the Manage guest access dialog, in Hebrew');

      await dialog.getByRole('button', { name: 'יצירת קישור חדש' }).click();
      const form = page.getByRole('dialog', { name: 'יצירת קישור חדש' });
      await form.getByRole('button', { name: 'יצירה' }).click();
      await expect(form.getByRole('textbox', { name: 'שם הקישור' })).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page, 'the Create new link form with an error, in Hebrew');

      await form.getByRole('button', { name: 'ביטול' }).click();
      await dialog.getByRole('button', { name: 'מחיקת הקישור Guest speakers' }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await expectNoAxeViolations(page, 'the delete confirmation, in Hebrew');
    });

    test('guest form with errors', async ({ page, standin }) => {
      await page.goto(new URL((await standin.firstLink(ROOM)).url).pathname);
      await page.getByRole('button', { name: 'הצטרפות' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'יש בעיה' })).toBeFocused();
      await expectNoAxeViolations(page, 'the guest form with errors, in Hebrew');
    });
  });
}

test('results of actions are announced politely', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const dialog = await openDialog(page);
  const region = dialog.root.getByRole('status');
  await expect(region).toHaveAttribute('aria-live', 'polite');
  await expect(region).toHaveAttribute('aria-atomic', 'true');

  await dialog.root.getByRole('button', { name: 'Copy link Guest speakers' }).click();
  await expect(region).toHaveText('Link copied');

  await dialog.accessSwitch.click();
  await expect(region).toHaveText('Guest access turned off');
  // The announcement takes no focus: the switch keeps it.
  await expect(dialog.accessSwitch).toBeFocused();

  await dialog.accessSwitch.click();
  await expect(region).toHaveText('Guest access turned on');
  await dialog.root.getByRole('button', { name: 'Delete link Guest speakers' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(region).toHaveText('Link deleted');
  await expect(dialog.accessSwitch, 'focus after the last row is deleted').toBeFocused();
});
