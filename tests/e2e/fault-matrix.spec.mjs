// One test per cell of the fault matrix (see fault-matrix.mjs), where the fault hits one
// call. The app must report it in words that tell a transport failure from an API error,
// keep what the user typed, offer the way out, and work fully once the fault is gone.
import { readFile } from 'node:fs/promises';

import { test, expect } from './fixtures.mjs';
import { ACTIONS, FAULTS, MAINTENANCE, SESSION_EXPIRED, cellName, matrixTable, outcomeOf } from './fault-matrix.mjs';
import { CreateDialog, ManageDialog, MediaPage } from './pages.mjs';

const ROOM = '1_demoroom';
const ROOM_NAME = 'Design review with guest speakers';
const LOBBY = '1_lobbyroom';
const LINK_NAME = 'Guest speakers';
const NEW_LINK = 'Fault drill';
const GUEST = { name: 'Dana Levi', email: 'dana@example.org' };
const API_PATHS = '**/api_v3/**';

/** Time-out of the app's requests in these tests; the delay fault takes longer. */
const REQUEST_TIMEOUT_SECONDS = 2;

/** Text of the alert for each family of moderator failure. */
const MODERATOR_ALERT = {
  transport: /^Couldn't reach the server/,
  session: /^Your session has expired\. Reload the page to sign in again\./,
  api: new RegExp(`^${MAINTENANCE.replace(/[.]/g, '\\.')}`),
};

/** Name of the button that offers the way out, for each family. */
const MODERATOR_WAY_OUT = { transport: 'Retry', session: 'Reload page', api: 'Retry' };

/** Makes the next call of `action` fail with `fault`, or every API call for a server gone. */
async function inject(page, standin, action, fault) {
  if (fault.kind) {
    await standin.fault(action, fault.kind, fault.details ?? {});
  } else {
    await page.route(API_PATHS, (route) => route.abort('connectionrefused'));
  }
}

/** Brings the server back; queued stand-in faults are used up by the call they hit. */
async function clear(page, fault) {
  if (!fault.kind) await page.unroute(API_PATHS);
}

async function openManageDialog(page) {
  const media = new MediaPage(page);
  await media.open(ROOM);
  await media.expectLoaded(ROOM_NAME);
  return media.openManageGuestAccess();
}

/** Checks the alert of a moderator failure, and that no spinner is left turning. */
async function expectModeratorFailure(page, container, family) {
  const alert = container.getByRole('alert');
  await expect(alert).toHaveText(MODERATOR_ALERT[family]);
  await expect(alert.getByRole('button', { name: MODERATOR_WAY_OUT[family] })).toBeEnabled();
  await expect(page.locator('.ga-loading')).toHaveCount(0);
}

/** Reloads the page through the alert's Reload page button, for an expired session. */
async function reloadFromAlert(page, container) {
  const loaded = page.waitForEvent('load');
  await container.getByRole('alert').getByRole('button', { name: 'Reload page' }).click();
  await loaded;
}

async function serverLinks(standin) {
  const list = await standin.call('guestaccess_guestlink', 'list', { filter: { entryIdEqual: ROOM } });
  return list.objects.map((link) => link.name);
}

async function serverEnabled(standin) {
  const settings = await standin.call('guestaccess_settings', 'get', { entryId: ROOM });
  return settings.enabled;
}

async function openGuestLink(page, standin, entryId) {
  const link = await standin.firstLink(entryId);
  await page.goto(new URL(link.url).pathname);
}

function guestFields(page) {
  return {
    name: page.getByRole('textbox', { name: 'Name' }),
    email: page.getByRole('textbox', { name: 'Email' }),
    join: page.getByRole('button', { name: 'Join' }),
  };
}

async function expectGuestPageProblem(page, fault) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("This link can't be used right now");
  await expect(page.getByText(fault.family === 'session' ? SESSION_EXPIRED : MAINTENANCE)).toBeVisible();
}

/**
 * Steps of each action's cell. `arrange` gets the page to just before the call and
 * `trigger` makes it. `failed` checks the page the user gets. `recover` takes the way out
 * once the fault is gone, and `recovered` checks that everything works again.
 */
const STEPS = {
  'guestaccess_settings.get': {
    arrange: async () => ({}),
    trigger: async ({ page }) => {
      await new MediaPage(page).open(ROOM);
    },
    failed: async ({ page, outcome }) => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Media unavailable');
      await expectModeratorFailure(page, page.getByRole('main'), outcome);
    },
    recover: async ({ page, outcome }) => {
      if (outcome === 'session') return reloadFromAlert(page, page.getByRole('main'));
      await page.getByRole('button', { name: 'Retry' }).click();
    },
    recovered: async ({ page }) => {
      const media = new MediaPage(page);
      await media.expectLoaded(ROOM_NAME);
      await expect(media.menuButton).toBeVisible();
    },
  },

  'guestaccess_guestlink.list': {
    arrange: async ({ page }) => {
      const media = new MediaPage(page);
      await media.open(ROOM);
      await media.expectLoaded(ROOM_NAME);
      return { media };
    },
    trigger: async ({ media }) => {
      await media.openManageGuestAccess();
    },
    failed: async ({ page, outcome }) => {
      await expectModeratorFailure(page, new ManageDialog(page).root, outcome);
    },
    recover: async ({ page, outcome }) => {
      const dialog = new ManageDialog(page);
      if (outcome === 'session') {
        await reloadFromAlert(page, dialog.root);
        await new MediaPage(page).openManageGuestAccess();
        return;
      }
      await dialog.root.getByRole('button', { name: 'Retry' }).click();
    },
    recovered: async ({ page }) => {
      const dialog = new ManageDialog(page);
      await expect(dialog.rows()).toHaveCount(1);
      await expect(dialog.row(LINK_NAME)).toBeVisible();
    },
  },

  'guestaccess_settings.update': {
    arrange: async ({ page }) => {
      const dialog = await openManageDialog(page);
      await expect(dialog.rows()).toHaveCount(1);
      return { dialog };
    },
    trigger: async ({ dialog }) => {
      await dialog.accessSwitch.click();
    },
    failed: async ({ page, dialog, outcome }) => {
      if (outcome === 'ran') {
        await expect(dialog.accessSwitch).toHaveAttribute('aria-checked', 'false');
        await expect(dialog.root.getByRole('status').filter({ hasText: 'Guest access turned off' })).toBeVisible();
        await expect(dialog.root.getByRole('alert')).toHaveCount(0);
        return;
      }
      await expectModeratorFailure(page, dialog.root, outcome);
      // The server kept its state, and the switch shows it.
      await expect(dialog.accessSwitch).toHaveAttribute('aria-checked', 'true');
    },
    recover: async ({ page, dialog, outcome }) => {
      if (outcome === 'ran') return;
      if (outcome === 'session') {
        await reloadFromAlert(page, dialog.root);
        const reopened = await new MediaPage(page).openManageGuestAccess();
        await reopened.accessSwitch.click();
        return;
      }
      await dialog.root.getByRole('button', { name: 'Retry' }).click();
    },
    recovered: async ({ page, standin }) => {
      const dialog = new ManageDialog(page);
      await expect(dialog.accessSwitch).toHaveAttribute('aria-checked', 'false');
      await expect(dialog.row(LINK_NAME)).toContainText('Inactive');
      expect(await serverEnabled(standin)).toBe(false);
    },
  },

  'guestaccess_guestlink.add': {
    arrange: async ({ page }) => {
      const dialog = await openManageDialog(page);
      await expect(dialog.rows()).toHaveCount(1);
      await dialog.createButton.click();
      const form = new CreateDialog(page);
      await form.fill({ name: NEW_LINK, clicks: '5' });
      return { dialog, form };
    },
    trigger: async ({ form }) => {
      await form.submit.click();
    },
    failed: async ({ page, form, outcome }) => {
      await expectModeratorFailure(page, form.root, outcome);
      await expect(form.name).toHaveValue(NEW_LINK);
      await expect(form.clicks).toHaveValue('5');
      await expect(form.submit).toBeEnabled();
    },
    recover: async ({ page, form, outcome }) => {
      if (outcome === 'session') {
        await reloadFromAlert(page, form.root);
        const dialog = await new MediaPage(page).openManageGuestAccess();
        await dialog.createLink({ name: NEW_LINK, clicks: '5' });
        return;
      }
      await form.root.getByRole('button', { name: 'Retry' }).click();
    },
    recovered: async ({ page, standin }) => {
      const dialog = new ManageDialog(page);
      await expect(new CreateDialog(page).root).toHaveCount(0);
      await expect(dialog.rows()).toHaveCount(2);
      await expect(dialog.row(NEW_LINK)).toHaveCount(1);
      expect((await serverLinks(standin)).sort()).toEqual([NEW_LINK, LINK_NAME].sort());
    },
  },

  'guestaccess_guestlink.delete': {
    arrange: async ({ page }) => {
      const dialog = await openManageDialog(page);
      await dialog.root.getByRole('button', { name: `Delete link ${LINK_NAME}` }).click();
      const confirm = page.getByRole('alertdialog');
      await expect(confirm).toBeVisible();
      return { dialog, confirm };
    },
    trigger: async ({ confirm }) => {
      await confirm.getByRole('button', { name: 'Delete' }).click();
    },
    failed: async ({ page, confirm, outcome }) => {
      await expectModeratorFailure(page, confirm, outcome);
      await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    },
    recover: async ({ page, confirm, outcome, fault }) => {
      if (outcome === 'session') {
        await reloadFromAlert(page, confirm);
        const dialog = await new MediaPage(page).openManageGuestAccess();
        await dialog.deleteLink(LINK_NAME);
        return;
      }
      await confirm.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
      const message = fault.runs ? 'This link had already been deleted' : 'Link deleted';
      await expect(new ManageDialog(page).root.getByRole('status').filter({ hasText: message })).toBeVisible();
    },
    recovered: async ({ page, standin }) => {
      const dialog = new ManageDialog(page);
      await expect(page.getByRole('alertdialog')).toHaveCount(0);
      await expect(dialog.rows()).toHaveCount(0);
      await dialog.expectCount('No links added');
      expect(await serverLinks(standin)).toEqual([]);
    },
  },

  'guestaccess_guest.resolve': {
    arrange: async ({ standin }) => ({ link: await standin.firstLink(ROOM) }),
    trigger: async ({ page, link }) => {
      await page.goto(new URL(link.url).pathname);
    },
    failed: async ({ page, fault }) => {
      if (fault.family === 'transport') {
        await expect(page.getByRole('heading', { level: 1 })).toHaveText("Couldn't reach the server");
        await expect(page.getByRole('alert')).toHaveText(/^Couldn't reach the server/);
      } else {
        await expectGuestPageProblem(page, fault);
      }
      await expect(page.locator('.ga-loading')).toHaveCount(0);
    },
    recover: async ({ page, fault }) => {
      const name = fault.family === 'transport' ? 'Retry' : 'Try again';
      await page.getByRole('button', { name }).click();
    },
    recovered: async ({ page }) => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(ROOM_NAME);
      await expect(guestFields(page).name).toBeEditable();
    },
  },

  'guestaccess_guest.join': {
    arrange: async ({ page, standin }) => {
      await openGuestLink(page, standin, ROOM);
      const fields = guestFields(page);
      await fields.name.fill(GUEST.name);
      await fields.email.fill(GUEST.email);
      return { fields };
    },
    trigger: async ({ fields }) => {
      await fields.join.click();
    },
    failed: async ({ page, fields, fault }) => {
      if (fault.family === 'transport') {
        await expect(page.getByRole('alert')).toHaveText(/^Couldn't reach the server/);
        await expect(fields.name).toHaveValue(GUEST.name);
        await expect(fields.email).toHaveValue(GUEST.email);
        await expect(fields.join).toBeEnabled();
      } else {
        await expectGuestPageProblem(page, fault);
      }
    },
    recover: async ({ page, fields, fault }) => {
      if (fault.family === 'transport') {
        await page.getByRole('button', { name: 'Retry' }).click();
        return;
      }
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect(fields.name).toHaveValue(GUEST.name);
      await expect(fields.email).toHaveValue(GUEST.email);
      await fields.join.click();
    },
    recovered: async ({ page }) => {
      await expect(page).toHaveURL(/\/session\/1_demoroom\?ticket=/);
    },
  },

  'guestaccess_guest.getTicket': {
    arrange: async ({ page, standin }) => {
      await openGuestLink(page, standin, LOBBY);
      const fields = guestFields(page);
      await fields.name.fill(GUEST.name);
      await fields.email.fill(GUEST.email);
      await fields.join.click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waiting for the moderator to let you in');
      return {};
    },
    // The waiting page polls by itself; the first poll comes two seconds after joining.
    trigger: async () => {},
    failed: async ({ page, fault }) => {
      const hint =
        fault.family === 'transport'
          ? 'The connection is unsteady. Still trying…'
          : 'The server could not check your request. Still trying…';
      await expect(page.getByText(hint)).toBeVisible({ timeout: 15_000 });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waiting for the moderator to let you in');
      await expect(page.getByRole('button', { name: 'Leave' })).toBeEnabled();
    },
    recover: async ({ standin }) => {
      await standin.control('admission', { decision: 'admit', entryId: LOBBY });
    },
    recovered: async ({ page }) => {
      await expect(page).toHaveURL(/\/session\/1_lobbyroom\?ticket=/, { timeout: 20_000 });
    },
  },
};

test.describe('fault matrix', () => {
  // Chromium logs failed loads, such as an HTTP 500 or a refused connection, as errors.
  // One pattern only: Playwright reads a second array element as fixture options.
  test.use({ expectedConsoleErrors: [/status of 50[02]|ERR_CONNECTION_REFUSED/] });

  // Asking for `page` sets it up first, and with it the reset that restores config.json.
  test.beforeEach(async ({ page, standin }) => {
    expect(page).toBeTruthy();
    await standin.serveConfig('normal', { requestTimeoutSeconds: REQUEST_TIMEOUT_SECONDS });
  });

  for (const scenario of ACTIONS) {
    const steps = STEPS[scenario.action];
    for (const fault of FAULTS) {
      test(cellName(scenario, fault), async ({ page, standin }) => {
        test.setTimeout(60_000);
        const outcome = outcomeOf(scenario, fault);
        const context = { page, standin, fault, outcome };
        Object.assign(context, await steps.arrange(context));

        await inject(page, standin, scenario.action, fault);
        await steps.trigger(context);
        await steps.failed(context);
        await clear(page, fault);
        await steps.recover(context);

        await steps.recovered(context);
      });
    }
  }
});

test('fault matrix table in the docs is current', async () => {
  const docs = await readFile('docs/fault-matrix.md', 'utf8');

  expect(docs, 'run `node tests/e2e/fault-matrix.mjs` and paste its table').toContain(matrixTable());
});
