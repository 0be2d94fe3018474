// Screen sizes and motion: every page and dialog state on a 320 px phone and at 200 %
// zoom, and no animation or transition for users who ask for reduced motion.
import { test, expect } from './fixtures.mjs';
import { CreateDialog, ManageDialog, MediaPage } from './pages.mjs';

const ROOM = '1_demoroom';
const ROOM_NAME = 'Design review with guest speakers';
const LOBBY = '1_lobbyroom';

/** Links added beside the demo room's own link, so that its table has three rows. */
const EXTRA_LINKS = ['Panel of visiting speakers from partner universities', 'Press'];

async function openMedia(page) {
  const media = new MediaPage(page);
  await media.open(ROOM);
  await media.expectLoaded(ROOM_NAME);
  return media;
}

async function openManageDialog(page, standin) {
  for (const name of EXTRA_LINKS) {
    await standin.call('guestaccess_guestlink', 'add', { guestLink: { entryId: ROOM, name, clicksLimit: 50 } });
  }
  const media = await openMedia(page);
  const dialog = await media.openManageGuestAccess();
  await expect(dialog.rows()).toHaveCount(3);
  return dialog;
}

async function openGuestPage(page, standin, entryId) {
  const link = await standin.firstLink(entryId);
  await page.goto(new URL(link.url).pathname);
  await expect(page.getByRole('textbox', { name: 'Name' })).toBeVisible();
}

/** Each state: its name, whether a dialog is open, and the steps that reach it. */
const STATES = [
  ['media page', false, async (page) => openMedia(page)],
  [
    'menu open',
    false,
    async (page) => {
      const media = await openMedia(page);
      await media.menuButton.click();
      await expect(media.manageItem).toBeVisible();
    },
  ],
  ['Manage guest access with 3 links', true, async (page, standin) => openManageDialog(page, standin)],
  [
    'Create new link with errors',
    true,
    async (page) => {
      const media = await openMedia(page);
      const dialog = await media.openManageGuestAccess();
      await expect(dialog.rows()).toHaveCount(1);
      const form = await dialog.createLink({ name: '', clicks: '0', duration: '366' });
      await expect(form.errorOf('Link Name')).toBeVisible();
      await expect(form.errorOf('# of clicks')).toBeVisible();
      await expect(form.errorOf('Duration')).toBeVisible();
    },
  ],
  [
    'delete confirmation',
    true,
    async (page, standin) => {
      const dialog = await openManageDialog(page, standin);
      await dialog.root.getByRole('button', { name: `Delete link ${EXTRA_LINKS[0]}` }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
    },
  ],
  [
    'guest form with errors',
    false,
    async (page, standin) => {
      await openGuestPage(page, standin, ROOM);
      await page.getByRole('button', { name: 'Join' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await expect(summary.getByRole('link')).toHaveText(['Enter your name', 'Enter your email address']);
    },
  ],
  [
    'waiting page',
    false,
    async (page, standin) => {
      await openGuestPage(page, standin, LOBBY);
      await page.getByRole('textbox', { name: 'Name' }).fill('Dana Levi');
      await page.getByRole('textbox', { name: 'Email' }).fill('dana@example.org');
      await page.getByRole('button', { name: 'Join' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waiting for the moderator to let you in');
    },
  ],
  [
    'expired link page',
    false,
    async (page, standin) => {
      const link = await standin.firstLink(ROOM);
      await standin.setLink(link.id, { expiresAt: 1 });
      await page.goto(new URL(link.url).pathname);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link has expired');
    },
  ],
  [
    'page not found',
    false,
    async (page) => {
      await page.goto('/no/such/page');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    },
  ],
];

/**
 * Returns what sticks out sideways: a page wider than the viewport, an open dialog
 * outside it or scrolling sideways, or an element of an open dialog wider than the
 * viewport or outside it.
 */
function sidewaysProblems(page) {
  return page.evaluate(() => {
    const found = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth > width) found.push(`page is ${root.scrollWidth} px wide in ${width} px`);
    for (const dialog of document.querySelectorAll('dialog[open]')) {
      if (dialog.scrollWidth > dialog.clientWidth) {
        found.push(`dialog content is ${dialog.scrollWidth} px wide in ${dialog.clientWidth} px`);
      }
      for (const element of [dialog, ...dialog.querySelectorAll('*')]) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        const label = `<${element.localName} class="${element.className?.baseVal ?? element.className}">`;
        if (box.width > width) found.push(`${label} is ${box.width} px wide in ${width} px`);
        if (box.left < -0.5 || box.right > width + 0.5) {
          found.push(`${label} spans ${box.left} to ${box.right} px of ${width} px`);
        }
      }
    }
    return found;
  });
}

/** Returns the number of dialogs open on the page. */
function openDialogCount(page) {
  return page.evaluate(() => document.querySelectorAll('dialog[open]').length);
}

/**
 * Scrolls the topmost open dialog to each of its controls and returns the controls that
 * are then still outside the dialog's visible area or the viewport.
 */
function unreachableControls(page) {
  return page.evaluate(() => {
    const dialogs = document.querySelectorAll('dialog[open]');
    const dialog = dialogs[dialogs.length - 1];
    const frame = dialog.getBoundingClientRect();
    const found = [];
    if (frame.top < 0 || frame.bottom > window.innerHeight) {
      found.push(`dialog spans ${frame.top} to ${frame.bottom} px of ${window.innerHeight} px`);
    }
    const controls = dialog.querySelectorAll('button, input, a[href], [tabindex]:not([tabindex="-1"])');
    for (const control of controls) {
      control.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const box = control.getBoundingClientRect();
      const visible =
        box.top >= frame.top - 0.5 &&
        box.bottom <= frame.bottom + 0.5 &&
        box.top >= -0.5 &&
        box.bottom <= window.innerHeight + 0.5 &&
        box.left >= -0.5 &&
        box.right <= window.innerWidth + 0.5;
      if (!visible) {
        const name = control.getAttribute('aria-label') || control.textContent.trim() || control.id;
        found.push(`${control.localName} "${name}" at ${box.top} to ${box.bottom} px`);
      }
    }
    return { found, controls: controls.length, scrolls: dialog.scrollHeight > dialog.clientHeight };
  });
}

test.describe('on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const [name, hasDialog, reach] of STATES) {
    test(`${name} fits 320 px`, async ({ page, standin }) => {
      await reach(page, standin);

      expect(await openDialogCount(page) > 0, 'a dialog is open').toBe(hasDialog);
      expect(await sidewaysProblems(page)).toEqual([]);
    });
  }

  test('link table becomes a list', async ({ page, standin }) => {
    const dialog = await openManageDialog(page, standin);

    // The header row is clipped to a 1 px box that hides it but keeps it for screen readers.
    const header = dialog.table.locator('thead');
    const headerBox = await header.boundingBox();
    expect(headerBox.height, 'height of the column header row').toBeLessThanOrEqual(1);
    expect(headerBox.width, 'width of the column header row').toBeLessThanOrEqual(1);
    await expect(header).toHaveCSS('overflow', 'hidden');
    await expect(dialog.table.getByRole('columnheader')).toHaveCount(4);
    const rows = await dialog.rows().evaluateAll((elements) =>
      elements.map((row) => {
        const cells = [...row.children];
        const tops = cells.map((cell) => cell.getBoundingClientRect().top);
        const bottoms = cells.map((cell) => cell.getBoundingClientRect().bottom);
        return {
          stacked: cells.every((cell, index) => index === 0 || tops[index] >= bottoms[index - 1] - 0.5),
          labels: [...row.querySelectorAll('td[data-label]')].map(
            (cell) => getComputedStyle(cell, '::before').content,
          ),
        };
      }),
    );
    expect(rows).toHaveLength(3);
    for (const [index, row] of rows.entries()) {
      expect(row.stacked, `cells of row ${index + 1} are stacked`).toBe(true);
      expect(row.labels, `labels of row ${index + 1}`).toEqual(['"Expiration date: "', '"# of clicks: "']);
    }
  });
});

test.describe('at 200 % zoom', () => {
  // A 1280 x 800 window at 200 % zoom lays out like a 640 x 400 viewport.
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

  for (const [name, hasDialog, reach] of STATES) {
    test(`${name} fits at 200 %`, async ({ page, standin }) => {
      await reach(page, standin);

      expect(await openDialogCount(page) > 0, 'a dialog is open').toBe(hasDialog);
      expect(await sidewaysProblems(page)).toEqual([]);
      if (hasDialog) {
        const reachability = await unreachableControls(page);
        expect(reachability.controls, 'controls in the dialog').toBeGreaterThan(0);
        expect(reachability.found, 'controls out of reach').toEqual([]);
      }
    });
  }

  test('long dialog scrolls to every control', async ({ page, standin }) => {
    await openManageDialog(page, standin);

    const reach = await unreachableControls(page);

    expect(reach.scrolls, 'the dialog is taller than the viewport').toBe(true);
    expect(reach.found).toEqual([]);
  });
});

/**
 * Returns every running animation and every transition longer than 0.01 s on the page,
 * including its pseudo-elements.
 */
function motionProblems(page) {
  return page.evaluate(() => {
    const found = [];
    const seconds = (value) => Math.max(...value.split(',').map((part) => parseFloat(part) || 0));
    for (const element of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        const label = `<${element.localName} class="${element.className?.baseVal ?? element.className}">${pseudo ?? ''}`;
        if (style.animationName !== 'none' && style.animationPlayState !== 'paused') {
          found.push(`${label} runs animation ${style.animationName}`);
        }
        if (seconds(style.transitionDuration) > 0.01) {
          found.push(`${label} has a ${style.transitionDuration} transition`);
        }
      }
    }
    for (const animation of document.getAnimations()) {
      if (animation.playState === 'running') {
        found.push(`running ${animation.constructor.name} ${animation.animationName ?? animation.transitionProperty ?? ''}`);
      }
    }
    return found;
  });
}

/** Opens the dialog with a slow link list, so the spinner shows for a second. */
async function openDialogWhileLoading(page, standin) {
  await standin.fault('guestaccess_guestlink.list', 'delay', { delaySeconds: 2 });
  const media = await openMedia(page);
  await media.menuButton.click();
  await media.manageItem.click();
  const spinner = page.locator('dialog .ga-loading__spinner');
  await expect(spinner).toBeVisible();
  return { dialog: new ManageDialog(page), spinner };
}

test.describe('with reduced motion', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('spinner, switch and toasts hold still', async ({ page, standin }) => {
    const { dialog, spinner } = await openDialogWhileLoading(page, standin);

    expect(await spinner.evaluate((element) => getComputedStyle(element).animationName)).toBe('none');
    expect(await motionProblems(page), 'motion while loading').toEqual([]);
    await expect(dialog.rows()).toHaveCount(1);

    const thumb = dialog.accessSwitch.locator('.ga-switch__thumb');
    expect(await thumb.evaluate((element) => getComputedStyle(element).transitionDuration)).toBe('0s');
    await dialog.accessSwitch.click();
    expect(await motionProblems(page), 'motion while the switch moves').toEqual([]);

    const toast = dialog.root.getByRole('status');
    await expect(toast).toHaveText('Guest access turned off');
    const toastMotion = await toast.evaluate((element) => {
      const style = getComputedStyle(element);
      return { animation: style.animationName, transition: style.transitionDuration };
    });
    expect(toastMotion).toEqual({ animation: 'none', transition: '0s' });
    expect(await motionProblems(page), 'motion while the toast shows').toEqual([]);
  });

  test('guest waiting page holds still', async ({ page, standin }) => {
    await openGuestPage(page, standin, LOBBY);
    await page.getByRole('textbox', { name: 'Name' }).fill('Dana Levi');
    await page.getByRole('textbox', { name: 'Email' }).fill('dana@example.org');
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waiting for the moderator to let you in');

    expect(await motionProblems(page)).toEqual([]);
  });
});

test('without reduced motion the spinner turns', async ({ page, standin }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const { dialog, spinner } = await openDialogWhileLoading(page, standin);

  // The checks above find motion when there is some.
  expect(await spinner.evaluate((element) => getComputedStyle(element).animationName)).toBe('ga-spin');
  expect(await motionProblems(page)).not.toEqual([]);
  await expect(dialog.rows()).toHaveCount(1);
  const thumb = dialog.accessSwitch.locator('.ga-switch__thumb');
  expect(await thumb.evaluate((element) => getComputedStyle(element).transitionDuration)).toBe('0.15s');
});
