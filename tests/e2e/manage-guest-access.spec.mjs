// The moderator flow of the help-centre article: menu, Manage guest access, Create new
// link, the link table, copy, delete, and turning guest access off and on.
import { test, expect } from './fixtures.mjs';
import { CreateDialog, ManageDialog, MediaPage } from './pages.mjs';

const ROOM = '1_demoroom';
const ROOM_NAME = 'Design review with guest speakers';

async function openDialog(page, entryId = ROOM) {
  const media = new MediaPage(page);
  await media.open(entryId);
  return { media, dialog: await media.openManageGuestAccess() };
}

test.describe('menu', () => {
  test('menu opens with Manage guest access', async ({ page }) => {
    const media = new MediaPage(page);
    await media.open(ROOM);

    await media.menuButton.click();

    await expect(media.menuButton).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('menu', { name: 'More actions' })).toBeVisible();
    await expect(media.manageItem).toBeFocused();
  });

  test('menu keyboard: arrows, Escape, focus return', async ({ page }) => {
    const media = new MediaPage(page);
    await media.open(ROOM);
    await media.expectLoaded(ROOM_NAME);
    await media.menuButton.focus();

    await page.keyboard.press('ArrowDown');
    await expect(media.manageItem).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(media.manageItem).toBeFocused();
    await page.keyboard.press('Escape');

    await expect(page.getByRole('menu')).toBeHidden();
    await expect(media.menuButton).toBeFocused();
    await expect(media.menuButton).toHaveAttribute('aria-expanded', 'false');
  });

  test('menu opens with Enter and Space', async ({ page }) => {
    const media = new MediaPage(page);
    await media.open(ROOM);
    await media.expectLoaded(ROOM_NAME);

    for (const key of ['Enter', ' ']) {
      await media.menuButton.focus();
      await page.keyboard.press(key);
      await expect(media.manageItem).toBeFocused();
      await page.keyboard.press('Escape');
    }
  });

  test('click outside closes the menu', async ({ page }) => {
    const media = new MediaPage(page);
    await media.open(ROOM);
    await media.menuButton.click();

    await media.heading.click();

    await expect(page.getByRole('menu')).toBeHidden();
  });
});

test.describe('Manage guest access dialog', () => {
  test('dialog shows the article texts', async ({ page }) => {
    const { dialog } = await openDialog(page);

    await expect(dialog.root.getByRole('heading', { name: 'Manage guest access' })).toBeVisible();
    await expect(
      dialog.root.getByText('Allow link-based access without sign-in. Up to 3 guest links available.'),
    ).toBeVisible();
    await expect(dialog.accessSwitch).toHaveAttribute('aria-checked', 'true');
    await dialog.expectCount('1 link');
    const headers = dialog.table.getByRole('columnheader');
    await expect(headers).toHaveText(['Link name', 'Expiration date', '# of clicks', 'Actions']);
    await expect(dialog.createButton).toBeEnabled();
  });

  test('focus moves in, Tab cycles, Escape returns focus', async ({ page }) => {
    const { media, dialog } = await openDialog(page);
    await expect(dialog.rows()).toHaveCount(1);
    const inside = () => page.evaluate(() => !!document.activeElement.closest('dialog'));

    expect(await inside()).toBe(true);
    for (let step = 0; step < 8; step += 1) {
      await page.keyboard.press('Tab');
      expect(await inside(), `focus left the dialog after ${step + 1} Tab presses`).toBe(true);
    }
    for (let step = 0; step < 8; step += 1) {
      await page.keyboard.press('Shift+Tab');
      expect(await inside()).toBe(true);
    }
    await page.keyboard.press('Escape');

    await expect(dialog.root).toHaveCount(0);
    await expect(media.menuButton).toBeFocused();
  });

  test('page behind the dialog is inert', async ({ page }) => {
    const { dialog } = await openDialog(page);
    await expect(dialog.rows()).toHaveCount(1);

    const state = await page.evaluate(() => {
      const button = document.querySelector('.ga-menu__button');
      button.focus();
      return {
        modal: document.querySelector('dialog').matches(':modal'),
        behindTookFocus: document.activeElement === button,
      };
    });

    expect(state.modal).toBe(true);
    expect(state.behindTookFocus).toBe(false);
  });

  test('close button closes and returns focus', async ({ page }) => {
    const { media, dialog } = await openDialog(page);

    await dialog.closeButton.click();

    await expect(dialog.root).toHaveCount(0);
    await expect(media.menuButton).toBeFocused();
  });

  test.describe('with a failing list', () => {
    test.use({ expectedConsoleErrors: [/status of 500/] });

  test('list failure shows Retry inside the dialog', async ({ page, standin }) => {
    await standin.fault('guestaccess_guestlink.list', 'http500');
    const { dialog } = await openDialog(page);

    await expect(dialog.root.getByRole('alert')).toContainText("Couldn't reach the server");
    await dialog.root.getByRole('button', { name: 'Retry' }).click();

    await expect(dialog.rows()).toHaveCount(1);
  });
  });
});

test.describe('Create new link', () => {
  test('create with name only', async ({ page }) => {
    const { dialog } = await openDialog(page);

    await dialog.createButton.click();
    const form = new CreateDialog(page);
    await expect(form.root.getByText('Allow anyone with this link to access the media without signing in.')).toBeVisible();
    await expect(form.name).toBeFocused();
    await form.name.fill('Guest panel');
    await form.submit.click();

    await expect(form.root).toHaveCount(0);
    await dialog.expectCount('2 links');
    await expect(dialog.cell('Guest panel', 'expiry')).toHaveText('Never');
    await expect(dialog.cell('Guest panel', 'clicks')).toHaveText('unlimited');
    await expect(dialog.root.getByRole('button', { name: 'Copy link Guest panel' })).toBeFocused();
  });

  test('create with clicks and duration', async ({ page, standin }) => {
    const { dialog } = await openDialog(page);

    await dialog.createLink({ name: 'Limited', clicks: '10' });
    await expect(dialog.cell('Limited', 'clicks')).toHaveText('0 / 10');
    await dialog.createLink({ name: 'Week', duration: '7' });

    const list = await standin.call('guestaccess_guestlink', 'list', { filter: { entryIdEqual: ROOM } });
    const week = list.objects.find((link) => link.name === 'Week');
    expect(week.expiresAt - week.createdAt).toBe(7 * 86_400);
    const expected = await page.evaluate(
      (seconds) =>
        new Date(seconds * 1000).toLocaleDateString(undefined, {
          year: 'numeric',
          month: 'long',
          day: 'numeric',
        }),
      week.expiresAt,
    );
    await expect(dialog.cell('Week', 'expiry')).toHaveText(expected);
    await dialog.expectCount('3 links');
  });

  for (const [field, typed, message] of [
    ['name', '', 'Enter a link name'],
    ['name', 'x'.repeat(101), 'Link name must be 100 characters or fewer'],
    ['clicks', '1e3', 'Enter # of clicks as a whole number'],
    ['clicks', '-1', '# of clicks must be at least 1'],
    ['clicks', '2.5', 'Enter # of clicks as a whole number'],
    ['clicks', '0', '# of clicks must be at least 1'],
    ['clicks', '100001', '# of clicks must be 100,000 or fewer'],
    ['duration', '0', 'Duration must be at least 1 day'],
    ['duration', '366', 'Duration must be 365 days or fewer'],
    ['duration', 'week', 'Enter the duration as a whole number of days'],
  ]) {
    test(`validation: ${field} ${JSON.stringify(typed).slice(0, 12)}`, async ({ page, standin }) => {
      const { dialog } = await openDialog(page);
      await dialog.createButton.click();
      const form = new CreateDialog(page);
      const values = { name: 'Valid name', clicks: '', duration: '', [field]: typed };

      await form.fill(values);
      await form.submit.click();

      const input = form[field];
      const label = { name: 'Link Name', clicks: '# of clicks', duration: 'Duration' }[field];
      const error = form.errorOf(label);
      await expect(error).toContainText(message);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(input).toBeFocused();
      await expect(input).toHaveValue(typed);
      await expect(form.name).toHaveValue(values.name);
      const describedBy = await input.getAttribute('aria-describedby');
      const errorId = await error.getAttribute('id');
      expect(describedBy.split(' ')).toContain(errorId);
      const list = await standin.call('guestaccess_guestlink', 'list', { filter: { entryIdEqual: ROOM } });
      expect(list.totalCount).toBe(1);
    });
  }

  test('clearing a field returns it to unlimited', async ({ page }) => {
    const { dialog } = await openDialog(page);
    await dialog.createButton.click();
    const form = new CreateDialog(page);
    await form.fill({ name: 'Cleared', clicks: '0' });
    await form.submit.click();
    await expect(form.errorOf('# of clicks')).toBeVisible();

    await form.clicks.fill('');
    await form.submit.click();

    await expect(form.root).toHaveCount(0);
    await expect(dialog.cell('Cleared', 'clicks')).toHaveText('unlimited');
  });

  test('server field error attaches to its field', async ({ page, standin }) => {
    await standin.fault('guestaccess_guestlink.add', 'apiError', {
      code: 'PROPERTY_VALIDATION_MAX_VALUE',
      message: 'clicksLimit must be at most 500 on this account.',
      args: { PROPERTY_NAME: 'clicksLimit' },
    });
    const { dialog } = await openDialog(page);

    const form = await dialog.createLink({ name: 'Big', clicks: '900' });

    await expect(form.errorOf('# of clicks')).toContainText('clicksLimit must be at most 500 on this account.');
    await expect(form.clicks).toBeFocused();
    await expect(form.clicks).toHaveValue('900');
  });

  test('limit reached elsewhere is a form error', async ({ page, standin }) => {
    const { dialog } = await openDialog(page);
    await expect(dialog.rows()).toHaveCount(1);
    await dialog.createButton.click();
    const form = new CreateDialog(page);
    for (const name of ['Other tab 1', 'Other tab 2']) {
      await standin.call('guestaccess_guestlink', 'add', { guestLink: { entryId: ROOM, name } });
    }

    await form.fill({ name: 'Fourth' });
    await form.submit.click();

    await expect(form.root.getByRole('alert')).toContainText('already has 3 guest links');
    await expect(form.name).toHaveValue('Fourth');
    // The table behind the form is read again and shows the links made elsewhere.
    await expect(dialog.root.locator('tr[data-link-id]')).toHaveCount(3);
    await form.cancel.click();
    await dialog.expectCount('3 links');
    await expect(dialog.createButton).toBeDisabled();
  });

  test('double click creates one link', async ({ page, standin }) => {
    await standin.fault('guestaccess_guestlink.add', 'delay', { delaySeconds: 1 });
    const { dialog } = await openDialog(page);
    await dialog.createButton.click();
    const form = new CreateDialog(page);
    await form.fill({ name: 'Once' });

    await form.submit.dblclick();
    await form.name.press('Enter').catch(() => {});

    await expect(form.root).toHaveCount(0);
    const list = await standin.call('guestaccess_guestlink', 'list', { filter: { entryIdEqual: ROOM } });
    expect(list.objects.filter((link) => link.name === 'Once')).toHaveLength(1);
    await dialog.expectCount('2 links');
  });

  test('three links disable Create with a reason', async ({ page, standin }) => {
    for (const name of ['Second', 'Third']) {
      await standin.call('guestaccess_guestlink', 'add', { guestLink: { entryId: ROOM, name } });
    }
    const { dialog } = await openDialog(page);

    await dialog.expectCount('3 links');
    await expect(dialog.createButton).toBeDisabled();
    await expect(dialog.root.getByText('This media has the maximum of 3 links.')).toBeVisible();
  });

  test('transport failure keeps input and Retry reuses the request', async ({ page, standin }) => {
    await standin.fault('guestaccess_guestlink.add', 'truncated');
    const { dialog } = await openDialog(page);

    const form = await dialog.createLink({ name: 'Retry me', clicks: '5' });
    await expect(form.root.getByRole('alert')).toContainText("Couldn't reach the server");
    await expect(form.name).toHaveValue('Retry me');
    await form.root.getByRole('button', { name: 'Retry' }).click();

    await expect(form.root).toHaveCount(0);
    const list = await standin.call('guestaccess_guestlink', 'list', { filter: { entryIdEqual: ROOM } });
    expect(list.objects.filter((link) => link.name === 'Retry me')).toHaveLength(1);
  });
});

test.describe('table rows', () => {
  test('rows name expired and used-up links', async ({ page, standin }) => {
    const link = await standin.firstLink(ROOM);
    await standin.setLink(link.id, { expiresAt: 1 });
    await standin.call('guestaccess_guestlink', 'add', {
      guestLink: { entryId: ROOM, name: 'Used', clicksLimit: 2 },
    });
    const used = (await standin.call('guestaccess_guestlink', 'list', { filter: { entryIdEqual: ROOM } }))
      .objects.find((each) => each.name === 'Used');
    await standin.setLink(used.id, { clicksUsed: 2 });

    const { dialog } = await openDialog(page);

    await expect(dialog.row(link.name).getByText('Expired')).toBeVisible();
    await expect(dialog.row('Used').getByText('Used up')).toBeVisible();
    await expect(dialog.cell('Used', 'clicks')).toHaveText('2 / 2');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 320, height: 640 } });

    test('long name wraps without overflow', async ({ page, standin }) => {
      const name = 'W'.repeat(100);
      await standin.call('guestaccess_guestlink', 'add', { guestLink: { entryId: ROOM, name } });

      const { dialog } = await openDialog(page);

      await expect(dialog.row(name)).toBeVisible();
      const overflow = await page.evaluate(() => {
        const dialogElement = document.querySelector('dialog');
        return {
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          dialog: dialogElement.scrollWidth - dialogElement.clientWidth,
        };
      });
      expect(overflow.page).toBe(0);
      expect(overflow.dialog).toBe(0);
      const copy = dialog.root.getByRole('button', { name: `Copy link ${name}` });
      await copy.scrollIntoViewIfNeeded();
      const box = await copy.boundingBox();
      expect(box.x + box.width).toBeLessThanOrEqual(320);
    });
  });
});

test.describe('copy and delete', () => {
  test('copy writes the link and says so', async ({ page, context, standin }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: standin.origin });
    const link = await standin.firstLink(ROOM);
    const { dialog } = await openDialog(page);

    await dialog.root.getByRole('button', { name: `Copy link ${link.name}` }).click();

    await expect(dialog.root.getByRole('status')).toHaveText('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link.url);
  });

  test('refused clipboard falls back to a selected field', async ({ page, standin }) => {
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    const link = await standin.firstLink(ROOM);
    const { dialog } = await openDialog(page);

    await dialog.root.getByRole('button', { name: `Copy link ${link.name}` }).click();

    const field = dialog.root.getByRole('textbox', { name: `Link for ${link.name}` });
    await expect(field).toHaveValue(link.url);
    await expect(field).toBeFocused();
    await expect(dialog.root.getByText('Press Ctrl+C to copy')).toBeVisible();
    await expect(dialog.root.getByRole('status')).not.toHaveText('Link copied');
    const selected = await page.evaluate(() => {
      const input = document.activeElement;
      return input.value.slice(input.selectionStart, input.selectionEnd);
    });
    expect(selected).toBe(link.url);
  });

  test('missing clipboard API falls back too', async ({ page, standin }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    });
    const link = await standin.firstLink(ROOM);
    const { dialog } = await openDialog(page);

    await dialog.root.getByRole('button', { name: `Copy link ${link.name}` }).click();

    await expect(dialog.root.getByRole('textbox', { name: `Link for ${link.name}` })).toHaveValue(link.url);
  });

  test('delete asks, Cancel keeps the link', async ({ page, standin }) => {
    const link = await standin.firstLink(ROOM);
    const { dialog } = await openDialog(page);

    await dialog.root.getByRole('button', { name: `Delete link ${link.name}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Delete “${link.name}”?` });
    await expect(confirm).toContainText("Deleted links can't be restored");
    await expect(confirm).toContainText('stay in the session until they refresh or leave');
    const cancel = confirm.getByRole('button', { name: 'Cancel' });
    await expect(cancel).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(confirm).toHaveCount(0);
    await expect(dialog.rows()).toHaveCount(1);
    expect((await standin.firstLink(ROOM)).id).toBe(link.id);
  });

  test('delete removes the row and updates the count', async ({ page, standin }) => {
    const link = await standin.firstLink(ROOM);
    const { dialog } = await openDialog(page);

    await dialog.deleteLink(link.name);

    await expect(dialog.rows()).toHaveCount(0);
    await dialog.expectCount('No links added');
    await expect(dialog.root.getByRole('status')).toHaveText('Link deleted');
    const focusInDialog = await page.evaluate(() => !!document.activeElement.closest('dialog'));
    expect(focusInDialog).toBe(true);
  });
});

test.describe('delete failures', () => {
  test.use({ expectedConsoleErrors: [/status of 500/] });

  test('failed delete shows error, Retry deletes', async ({ page, standin }) => {
    await standin.fault('guestaccess_guestlink.delete', 'http500');
    const link = await standin.firstLink(ROOM);
    const { dialog } = await openDialog(page);

    await dialog.root.getByRole('button', { name: `Delete link ${link.name}` }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(confirm.getByRole('alert')).toContainText("Couldn't reach the server");
    await confirm.getByRole('button', { name: 'Retry' }).click();

    await expect(confirm).toHaveCount(0);
    await dialog.expectCount('No links added');
  });
});

test('link deleted elsewhere is reported and the list refreshed', async ({ page, standin }) => {
  const link = await standin.firstLink(ROOM);
  const { dialog } = await openDialog(page);
  await expect(dialog.rows()).toHaveCount(1);
  await standin.control('link', { id: link.id, delete: true });

  await dialog.deleteLink(link.name);

  await expect(dialog.root.getByRole('status')).toHaveText('This link had already been deleted');
  await dialog.expectCount('No links added');
});

test.describe('turning guest access off and on', () => {
  test('off makes links inactive and disables Create', async ({ page, standin }) => {
    const link = await standin.firstLink(ROOM);
    const { dialog } = await openDialog(page);

    await dialog.accessSwitch.click();

    await expect(dialog.accessSwitch).toHaveAttribute('aria-checked', 'false');
    await expect(dialog.row(link.name).getByText('Inactive')).toBeVisible();
    await expect(dialog.createButton).toBeDisabled();
    await expect(dialog.root.getByText('Turn on guest access to create links.')).toBeVisible();

    await dialog.accessSwitch.click();

    await expect(dialog.accessSwitch).toHaveAttribute('aria-checked', 'true');
    await expect(dialog.row(link.name).getByText('Inactive')).toHaveCount(0);
    await expect(dialog.createButton).toBeEnabled();
  });

  test('rapid toggling ends in the last state', async ({ page, standin }) => {
    const { media, dialog } = await openDialog(page);
    await expect(dialog.rows()).toHaveCount(1);

    for (let click = 0; click < 5; click += 1) {
      await dialog.accessSwitch.click();
    }

    await expect(dialog.accessSwitch).toHaveAttribute('aria-checked', 'false');
    await expect(dialog.accessSwitch).toHaveAttribute('aria-busy', 'false');
    const settings = await standin.call('guestaccess_settings', 'get', { entryId: ROOM });
    expect(settings.enabled).toBe(false);
    await page.reload();
    const reopened = await media.openManageGuestAccess();
    await expect(reopened.accessSwitch).toHaveAttribute('aria-checked', 'false');
  });

  test('expired session in the switch says how to recover', async ({ page, standin }) => {
    await standin.fault('guestaccess_settings.update', 'apiError', {
      code: 'INVALID_KS',
      message: 'ks expired',
    });
    const { dialog } = await openDialog(page);

    await dialog.accessSwitch.click();

    await expect(dialog.root.getByRole('alert')).toContainText('Your session has expired.');
    await expect(dialog.root.getByRole('button', { name: 'Reload page' })).toBeVisible();
    await expect(dialog.accessSwitch).toHaveAttribute('aria-checked', 'true');
  });
});

test('whole flow with the keyboard only', async ({ page, standin }) => {
  const media = new MediaPage(page);
  await media.open(ROOM);
  await media.expectLoaded(ROOM_NAME);
  await media.menuButton.focus();

  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const dialog = new ManageDialog(page);
  await expect(dialog.rows()).toHaveCount(1);
  await dialog.createButton.focus();
  await page.keyboard.press('Enter');
  const form = new CreateDialog(page);
  await expect(form.name).toBeFocused();
  await page.keyboard.type('Keyboard guests');
  await page.keyboard.press('Tab');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');

  await expect(form.root).toHaveCount(0);
  const copy = dialog.root.getByRole('button', { name: 'Copy link Keyboard guests' });
  await expect(copy).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.root.getByRole('button', { name: 'Delete link Keyboard guests' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(dialog.row('Keyboard guests')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(media.menuButton).toBeFocused();
  const list = await standin.call('guestaccess_guestlink', 'list', { filter: { entryIdEqual: ROOM } });
  expect(list.totalCount).toBe(1);
});

for (const [timezoneId, label] of [
  ['America/Los_Angeles', 'west'],
  ['Asia/Tokyo', 'east'],
]) {
  test.describe(`time zone ${label} of UTC`, () => {
    test.use({ timezoneId, locale: 'en-US' });

    test('link made at 23:30 expires tomorrow', async ({ page, standin }) => {
      const now = Math.floor(Date.now() / 1000);
      const advance = secondsUntilLocalTime(now, timezoneId, 23, 30);
      await standin.control('clock', { advanceSeconds: advance });
      const { dialog } = await openDialog(page);

      const form = await dialog.createLink({ name: 'Night owl', duration: '1' });
      await expect(form.root).toHaveCount(0);

      const list = await standin.call('guestaccess_guestlink', 'list', { filter: { entryIdEqual: ROOM } });
      const link = list.objects.find((each) => each.name === 'Night owl');
      const created = localDate(link.createdAt, timezoneId);
      const expected = localDate(link.createdAt + 86_400, timezoneId);
      expect(expected).not.toBe(created);
      await expect(dialog.cell('Night owl', 'expiry')).toHaveText(expected);
    });
  });
}

function localDate(seconds, timeZone) {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(new Date(seconds * 1000));
}

/** Seconds from `now` until the next hour:minute on the wall clock of `timeZone`. */
function secondsUntilLocalTime(now, timeZone, hour, minute) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(now * 1000));
  const value = (type) => Number(parts.find((part) => part.type === type).value);
  const current = value('hour') * 3600 + value('minute') * 60 + value('second');
  const target = hour * 3600 + minute * 60;
  return (target - current + 86_400) % 86_400;
}

test.describe('interrupted and repeated actions', () => {
  test('switch saved after closing shows on reopening', async ({ page, standin }) => {
    await standin.fault('guestaccess_settings.update', 'delay', { delaySeconds: 1 });
    const { media, dialog } = await openDialog(page);
    await expect(dialog.rows()).toHaveCount(1);

    await dialog.accessSwitch.click();
    await dialog.closeButton.click();
    await page.waitForTimeout(1_500);
    const reopened = await media.openManageGuestAccess();

    const settings = await standin.call('guestaccess_settings', 'get', { entryId: ROOM });
    await expect(reopened.accessSwitch).toHaveAttribute('aria-checked', String(settings.enabled));
  });

  test('focus stays in the dialog when its control goes away', async ({ page }) => {
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    const { media, dialog } = await openDialog(page);
    await expect(dialog.rows()).toHaveCount(1);
    await dialog.root.getByRole('button', { name: /^Copy link / }).click();

    await dialog.root.getByRole('button', { name: 'Done' }).click();

    const inside = await page.evaluate(() => !!document.activeElement.closest('dialog'));
    expect(inside).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog.root).toHaveCount(0);
    await expect(media.menuButton).toBeFocused();
  });

  test('delete in flight cannot be cancelled', async ({ page, standin }) => {
    await standin.fault('guestaccess_guestlink.delete', 'delay', { delaySeconds: 1 });
    const link = await standin.firstLink(ROOM);
    const { dialog } = await openDialog(page);

    await dialog.root.getByRole('button', { name: `Delete link ${link.name}` }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Delete' }).click();

    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0, { timeout: 5_000 });
    await dialog.expectCount('No links added');
  });

  test('invisible-only name is rejected', async ({ page }) => {
    const { dialog } = await openDialog(page);

    const form = await dialog.createLink({ name: '\u200b\u200b' });

    await expect(form.errorOf('Link Name')).toContainText('Enter a link name');
  });

  test('Enter twice after Create opens no second form', async ({ page, standin }) => {
    await standin.fault('guestaccess_guestlink.list', 'delay', { delaySeconds: 1, count: 2 });
    const { dialog } = await openDialog(page);
    await expect(dialog.rows()).toHaveCount(1, { timeout: 5_000 });
    await dialog.createButton.click();
    const form = new CreateDialog(page);
    await form.name.fill('Twice');

    await form.name.press('Enter');
    await expect(form.root).toHaveCount(0);
    await page.keyboard.press('Enter');

    await expect(dialog.row('Twice')).toHaveCount(1, { timeout: 5_000 });
    await expect(page.getByRole('dialog', { name: 'Create new link' })).toHaveCount(0);
  });
});

test.describe('changes made elsewhere', () => {
  /** Tells the page that its window has the focus again, as after a switch of tabs. */
  async function returnToWindow(page) {
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  }

  test('link expired elsewhere shows on return', async ({ page, standin }) => {
    const link = await standin.firstLink(ROOM);
    const { dialog } = await openDialog(page);
    await expect(dialog.row(link.name)).not.toContainText('Expired');

    await standin.control('link', { id: link.id, fields: { expiresAt: 1_000_000_000 } });
    await returnToWindow(page);

    await expect(dialog.row(link.name)).toContainText('Expired');
  });

  test('links changed elsewhere are read on return', async ({ page, standin }) => {
    const link = await standin.firstLink(ROOM);
    const { dialog } = await openDialog(page);
    await expect(dialog.rows()).toHaveCount(1);

    await standin.control('link', { id: link.id, delete: true });
    await standin.call('guestaccess_guestlink', 'add', { guestLink: { entryId: ROOM, name: 'Other tab' } });
    await returnToWindow(page);

    await expect(dialog.rows()).toHaveCount(1);
    await expect(dialog.row('Other tab')).toBeVisible();
    await expect(dialog.row(link.name)).toHaveCount(0);
  });

  test('access turned off elsewhere shows on return', async ({ page, standin }) => {
    const { dialog } = await openDialog(page);
    await expect(dialog.accessSwitch).toHaveAttribute('aria-checked', 'true');

    await standin.setEntry(ROOM, { enabled: false });
    await returnToWindow(page);

    await expect(dialog.accessSwitch).toHaveAttribute('aria-checked', 'false');
    await expect(dialog.createButton).toBeDisabled();
  });

  test('cancel after a lost answer shows the link made', async ({ page, standin }) => {
    await standin.serveConfig('normal', { requestTimeoutSeconds: 1 });
    await standin.fault('guestaccess_guestlink.add', 'delay', { delaySeconds: 3 });
    const { dialog } = await openDialog(page);

    const form = await dialog.createLink({ name: 'Lost answer' });
    await expect(form.root.getByRole('alert')).toContainText("Couldn't reach the server");
    await form.cancel.click();

    // The outcome was unknown, so the list is read again and shows the link once.
    await expect(dialog.row('Lost answer')).toHaveCount(1);
    await dialog.expectCount('2 links');
  });
});
