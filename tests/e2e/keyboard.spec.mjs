// Keyboard-only use: the moderator flow and the guest flow with keys alone, checking at
// each step where focus is and that the focused control shows a focus indicator.
import { test, expect } from './fixtures.mjs';
import { CreateDialog, ManageDialog, MediaPage } from './pages.mjs';

const ROOM = '1_demoroom';
const ROOM_NAME = 'Design review with guest speakers';
const LOBBY = '1_lobbyroom';

/** Returns what has focus and how it is drawn, or `onBody` when nothing has focus. */
function describeFocus(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { onBody: true };
    const style = getComputedStyle(element);
    const name = element.getAttribute('aria-label') || element.textContent.trim().slice(0, 40);
    return {
      onBody: false,
      element: `<${element.localName}> "${name}"`,
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
      boxShadow: style.boxShadow,
    };
  });
}

/** Checks that focus is off `<body>` and that the focused control draws an indicator. */
async function expectVisibleFocus(page, step) {
  const focus = await describeFocus(page);
  expect(focus.onBody, `focus fell to <body> ${step}`).toBe(false);
  const outlined =
    focus.outlineStyle !== 'none' && focus.outlineWidth > 0 && focus.outlineColor !== 'rgba(0, 0, 0, 0)';
  const shadowed = focus.boxShadow !== 'none';
  expect(outlined || shadowed, `${focus.element} has no focus indicator ${step}`).toBe(true);
}

/** Checks that focus is somewhere in the page and not on `<body>`. */
async function expectFocusOffBody(page, step) {
  const onBody = await page.evaluate(() => !document.activeElement || document.activeElement === document.body);
  expect(onBody, `focus fell to <body> ${step}`).toBe(false);
}

/** Presses a key and checks that `target` then has a visible focus. */
async function pressTo(page, key, target, step) {
  await page.keyboard.press(key);
  await expect(target, step).toBeFocused();
  await expectVisibleFocus(page, step);
}

test.describe('moderator with the keyboard', () => {
  test.beforeEach(async ({ page }) => {
    // Any pointer event would mean the test used the mouse, which it must not.
    await page.addInitScript(() => {
      window.pointerEvents = [];
      for (const type of ['pointerdown', 'mousedown', 'pointerup']) {
        window.addEventListener(type, (event) => window.pointerEvents.push(event.type), true);
      }
    });
  });

  test.afterEach(async ({ page }) => {
    expect(await page.evaluate(() => window.pointerEvents), 'pointer events').toEqual([]);
  });

  test('full moderator flow by keyboard', async ({ page, context, standin }) => {
    test.setTimeout(60_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: standin.origin });
    const firstLink = await standin.firstLink(ROOM);
    const media = new MediaPage(page);
    const dialog = new ManageDialog(page);
    await media.open(ROOM);
    await media.expectLoaded(ROOM_NAME);

    // Menu button, menu, Manage guest access.
    await pressTo(page, 'Tab', media.menuButton, 'on the menu button');
    await pressTo(page, 'Enter', media.manageItem, 'on the menu item');
    await page.keyboard.press('Enter');
    await expect(dialog.root).toBeVisible();
    await expect(dialog.rows()).toHaveCount(1);
    const inDialog = await page.evaluate(() => !!document.activeElement.closest('dialog'));
    expect(inDialog, 'focus moved into the dialog').toBe(true);

    // The switch, turned off and on again with Space.
    await pressTo(page, 'Tab', dialog.closeButton, 'on the close button');
    await pressTo(page, 'Tab', dialog.accessSwitch, 'on the switch');
    await page.keyboard.press('Space');
    await expect(dialog.accessSwitch).toHaveAttribute('aria-checked', 'false');
    await expect(dialog.accessSwitch).toHaveAttribute('aria-busy', 'false');
    await expect(dialog.createButton).toBeDisabled();
    await expect(dialog.row(firstLink.name)).toContainText('Inactive');
    await expect(dialog.accessSwitch).toBeFocused();
    await page.keyboard.press('Space');
    await expect(dialog.accessSwitch).toHaveAttribute('aria-checked', 'true');
    await expect(dialog.accessSwitch).toHaveAttribute('aria-busy', 'false');
    await expect(dialog.createButton).toBeEnabled();
    // The table is read again after each change, so Tab waits until it shows the link active.
    await expect(dialog.row(firstLink.name)).not.toContainText('Inactive');
    await expectVisibleFocus(page, 'on the switch after turning it on');

    // Row buttons, then Create new link.
    const firstCopy = dialog.root.getByRole('button', { name: `Copy link ${firstLink.name}` });
    const firstDelete = dialog.root.getByRole('button', { name: `Delete link ${firstLink.name}` });
    await pressTo(page, 'Tab', firstCopy, 'on the copy button');
    await pressTo(page, 'Tab', firstDelete, 'on the delete button');
    await pressTo(page, 'Tab', dialog.createButton, 'on Create new link');

    // Create new link: an invalid value, then a valid form.
    await page.keyboard.press('Enter');
    const form = new CreateDialog(page);
    await expect(form.root).toBeVisible();
    await expect(form.name).toBeFocused();
    await expectVisibleFocus(page, 'on Link Name');
    await page.keyboard.type('Keyboard panel');
    await pressTo(page, 'Tab', form.clicks, 'on # of clicks');
    await page.keyboard.type('0');
    await pressTo(page, 'Tab', form.duration, 'on Duration');
    await page.keyboard.type('7');
    await pressTo(page, 'Tab', form.cancel, 'on Cancel');
    await pressTo(page, 'Tab', form.submit, 'on Create');
    await page.keyboard.press('Enter');
    await expect(form.errorOf('# of clicks')).toContainText('# of clicks must be at least 1');
    await expect(form.clicks).toBeFocused();
    await expectVisibleFocus(page, 'on the invalid field');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');

    await expect(form.root).toHaveCount(0);
    const newCopy = dialog.root.getByRole('button', { name: 'Copy link Keyboard panel' });
    await expect(newCopy).toBeFocused();
    await expectVisibleFocus(page, 'after the Create dialog closed');
    await expect(dialog.cell('Keyboard panel', 'clicks')).toHaveText('0 / 5');

    // Copy the new link.
    const created = (await standin.call('guestaccess_guestlink', 'list', { filter: { entryIdEqual: ROOM } }))
      .objects.find((link) => link.name === 'Keyboard panel');
    await page.keyboard.press('Enter');
    await expect(dialog.root.getByRole('status')).toHaveText('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(created.url);
    await expect(newCopy).toBeFocused();

    // Escape in the confirmation keeps the link and returns to its delete button.
    const confirm = page.getByRole('alertdialog');
    await pressTo(page, 'Shift+Tab', firstDelete, 'back on the first delete button');
    await page.keyboard.press('Enter');
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectVisibleFocus(page, 'on Cancel of the confirmation');
    await page.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await expect(dialog.root).toBeVisible();
    await expect(firstDelete).toBeFocused();
    await expectVisibleFocus(page, 'after Escape in the confirmation');

    // Delete the first link: focus moves to the row that took its place.
    await page.keyboard.press('Enter');
    await expect(confirm).toBeVisible();
    await pressTo(page, 'Tab', confirm.getByRole('button', { name: 'Delete' }), 'on Delete');
    await page.keyboard.press('Enter');
    await expect(confirm).toHaveCount(0);
    await expect(dialog.rows()).toHaveCount(1);
    await expect(dialog.root.getByRole('status')).toHaveText('Link deleted');
    await expect(newCopy).toBeFocused();
    await expectVisibleFocus(page, 'after deleting the first row');

    // Delete the last link with Space: focus moves to the switch.
    await pressTo(
      page,
      'Tab',
      dialog.root.getByRole('button', { name: 'Delete link Keyboard panel' }),
      'on the last delete button',
    );
    await page.keyboard.press('Space');
    await expect(confirm).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(confirm).toHaveCount(0);
    await dialog.expectCount('No links added');
    await expect(dialog.accessSwitch).toBeFocused();
    await expectVisibleFocus(page, 'after deleting the last row');

    // Escape closes the dialog and returns to the menu button.
    await page.keyboard.press('Escape');
    await expect(dialog.root).toHaveCount(0);
    await expect(media.menuButton).toBeFocused();
    await expectVisibleFocus(page, 'after the dialog closed');
  });

  test('Escape closes Create new link', async ({ page }) => {
    const media = new MediaPage(page);
    const dialog = new ManageDialog(page);
    await media.open(ROOM);
    await media.expectLoaded(ROOM_NAME);
    await pressTo(page, 'Tab', media.menuButton, 'on the menu button');
    await page.keyboard.press('ArrowDown');
    await expect(media.manageItem).toBeFocused();
    await page.keyboard.press('Space');
    await expect(dialog.rows()).toHaveCount(1);

    // Shift+Tab from the dialog itself wraps to its last control.
    await pressTo(page, 'Shift+Tab', dialog.createButton, 'on Create new link');
    await page.keyboard.press('Space');
    const form = new CreateDialog(page);
    await expect(form.name).toBeFocused();
    await page.keyboard.type('Never made');
    await page.keyboard.press('Escape');

    await expect(form.root).toHaveCount(0);
    await expect(dialog.root).toBeVisible();
    await expect(dialog.createButton).toBeFocused();
    await expectVisibleFocus(page, 'after Escape in Create new link');
    await expect(dialog.row('Never made')).toHaveCount(0);
  });

  test('closing the menu keeps focus', async ({ page }) => {
    const media = new MediaPage(page);
    await media.open(ROOM);
    await media.expectLoaded(ROOM_NAME);
    await pressTo(page, 'Tab', media.menuButton, 'on the menu button');
    await pressTo(page, 'ArrowUp', media.manageItem, 'on the last menu item');

    await page.keyboard.press('Escape');

    await expect(page.getByRole('menu')).toBeHidden();
    await expect(media.menuButton).toBeFocused();
    await expectVisibleFocus(page, 'after Escape in the menu');
  });
});

test.describe('guest with the keyboard', () => {
  test('guest joins and waits by keyboard', async ({ page, standin }) => {
    const link = await standin.firstLink(LOBBY);
    const heading = page.getByRole('heading', { level: 1 });
    const name = page.getByRole('textbox', { name: 'Name' });
    const email = page.getByRole('textbox', { name: 'Email' });
    const join = page.getByRole('button', { name: 'Join' });
    await page.goto(new URL(link.url).pathname);
    await expect(heading).toHaveText('Office hours');

    await pressTo(page, 'Tab', name, 'on Name');
    await pressTo(page, 'Tab', email, 'on Email');
    await pressTo(page, 'Tab', join, 'on Join');
    await page.keyboard.press('Enter');

    // The error summary takes the focus, and its first entry leads to the Name field.
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText(['Enter your name', 'Enter your email address']);
    await expectFocusOffBody(page, 'after an invalid submit');
    await expectVisibleFocus(page, 'after an invalid submit');
    expect((await standin.firstLink(LOBBY)).clicksUsed, 'clicks used by an invalid submit').toBe(0);
    await pressTo(page, 'Tab', summary.getByRole('link', { name: 'Enter your name' }), 'on the first error');
    await pressTo(page, 'Enter', name, 'on Name from the summary');
    await page.keyboard.type('Dana Levi');
    await pressTo(page, 'Tab', email, 'on Email after the errors');
    await page.keyboard.type('dana@example.org');
    await pressTo(page, 'Tab', join, 'on Join after the errors');
    await page.keyboard.press('Enter');

    await expect(heading).toHaveText('Waiting for the moderator to let you in');
    await expectFocusOffBody(page, 'on the waiting page');
    await expect(heading, 'focus on the waiting page').toBeFocused();
    await pressTo(page, 'Tab', page.getByRole('button', { name: 'Leave' }), 'on Leave');
    await standin.control('admission', { decision: 'admit' });
    await expect(page).toHaveURL(/\/session\/1_lobbyroom/, { timeout: 15_000 });
  });

  test.describe('after a failure', () => {
    // Chromium logs each HTTP 500 as a console error.
    test.use({ expectedConsoleErrors: [/status of 500/] });

    test('a failed join leaves the focus on Retry', async ({ page, standin }) => {
      const link = await standin.firstLink(ROOM);
      const join = page.getByRole('button', { name: 'Join' });
      await page.goto(new URL(link.url).pathname);
      await page.getByRole('textbox', { name: 'Name' }).fill('Dana Levi');
      await page.getByRole('textbox', { name: 'Email' }).fill('dana@example.org');
      await standin.fault('guestaccess_guest.join', 'http500', { count: 2 });
      await join.focus();

      // Join is disabled while it runs, which would drop the focus to the page.
      await page.keyboard.press('Enter');
      const retry = page.getByRole('alert').getByRole('button', { name: 'Retry' });
      await expect(retry).toBeFocused();
      await expectVisibleFocus(page, 'on Retry after a failed join');

      await page.keyboard.press('Enter');
      await expect(retry).toBeFocused();
      await expectFocusOffBody(page, 'after a second failure');
    });

    test('retrying the media page moves the focus to its heading', async ({ page, standin }) => {
      await standin.fault('guestaccess_settings.get', 'http500');
      await page.goto(`/media/${ROOM}`);
      const retry = page.getByRole('button', { name: 'Retry' });
      await expect(retry).toBeFocused();

      await page.keyboard.press('Enter');

      await expect(page.getByRole('heading', { level: 1 })).toHaveText(ROOM_NAME);
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
      await pressTo(page, 'Tab', page.getByRole('button', { name: 'More actions' }), 'on the menu button');
    });
  });

  test('guest submits with Enter in a field', async ({ page, standin }) => {
    const link = await standin.firstLink(ROOM);
    const name = page.getByRole('textbox', { name: 'Name' });
    const email = page.getByRole('textbox', { name: 'Email' });
    await page.goto(new URL(link.url).pathname);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ROOM_NAME);

    await pressTo(page, 'Tab', name, 'on Name');
    await page.keyboard.type('Dana Levi');
    await pressTo(page, 'Tab', email, 'on Email');
    await page.keyboard.type('dana@localhost');
    await page.keyboard.press('Enter');

    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toBeFocused();
    await expectVisibleFocus(page, 'on the error summary');
    await pressTo(page, 'Tab', summary.getByRole('link', { name: /correct format/ }), 'on the email error');
    await pressTo(page, 'Enter', email, 'on Email from the summary');
    await expectVisibleFocus(page, 'on the invalid email');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('dana@example.org');
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\/session\/1_demoroom\?ticket=/);
  });
});
