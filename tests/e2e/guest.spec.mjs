// The guest flow: a person without an account opens a guest link, enters a name and an
// email, and joins, waits, is declined, or sees why the link cannot be used.
import { test, expect } from './fixtures.mjs';
import { GuestPage } from './pages.mjs';

const ROOM = '1_demoroom';
const LOBBY = '1_lobbyroom';

test('guest joins a room without admission', async ({ page, standin }) => {
  const link = await standin.firstLink(ROOM);
  const guest = new GuestPage(page);

  await guest.open(link);
  await expect(guest.heading).toHaveText('Design review with guest speakers');
  await expect(guest.name).toHaveAttribute('autocomplete', 'name');
  await expect(guest.email).toHaveAttribute('type', 'email');
  await expect(page.getByText('Your email is used for identification only.')).toBeVisible();
  await guest.fillAndJoin();

  await expect(page).toHaveURL(/\/session\/1_demoroom\?ticket=/);
  await expect(page.getByText('You joined the session as a guest.')).toBeVisible();
  expect((await standin.firstLink(ROOM)).clicksUsed).toBe(1);
});

test('guest page asks referrers to be left out', async ({ page, standin }) => {
  const guest = new GuestPage(page);

  await guest.open(await standin.firstLink(ROOM));

  await expect(guest.name).toBeVisible();
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
});

test('waiting guest is admitted', async ({ page, standin }) => {
  const guest = new GuestPage(page);
  await guest.open(await standin.firstLink(LOBBY));

  await guest.fillAndJoin('<img src=x onerror=alert(1)> שלום 👋🏽', 'dana@example.org');

  await expect(guest.heading).toHaveText('Waiting for the moderator to let you in');
  await expect(page.locator('.ga-guest__name')).toHaveText('<img src=x onerror=alert(1)> שלום 👋🏽');
  await expect(page.locator('img')).toHaveCount(0);
  await standin.control('admission', { decision: 'admit' });
  await expect(page).toHaveURL(/\/session\/1_lobbyroom/, { timeout: 15_000 });
});

test('declined guest can ask again', async ({ page, standin }) => {
  const guest = new GuestPage(page);
  await guest.open(await standin.firstLink(LOBBY));
  await guest.fillAndJoin();
  await expect(guest.heading).toHaveText('Waiting for the moderator to let you in');

  await standin.control('admission', { decision: 'deny' });
  await expect(guest.heading).toHaveText('The moderator declined your request', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Ask again' }).click();

  await expect(guest.heading).toHaveText('Waiting for the moderator to let you in');
  expect((await standin.firstLink(LOBBY)).clicksUsed).toBe(2);
});

test.describe('unsteady connection while waiting', () => {
  test.use({ expectedConsoleErrors: [/status of 500/] });

  test('failed polls keep the ticket', async ({ page, standin }) => {
    await standin.fault('guestaccess_guest.getTicket', 'http500', { count: 2 });
    const guest = new GuestPage(page);
    await guest.open(await standin.firstLink(LOBBY));
    await guest.fillAndJoin();
    await expect(guest.heading).toHaveText('Waiting for the moderator to let you in');

    await expect(page.getByText('Still trying')).toBeVisible({ timeout: 10_000 });
    await standin.control('admission', { decision: 'admit' });

    await expect(page).toHaveURL(/\/session\/1_lobbyroom/, { timeout: 30_000 });
  });
});

test('guest page writes nothing to the console', async ({ page, standin }) => {
  const messages = [];
  page.on('console', (message) => {
    if (!message.text().includes('integrity')) messages.push(message.text());
  });
  const link = await standin.firstLink(ROOM);
  await standin.setLink(link.id, { expiresAt: 1 });
  const guest = new GuestPage(page);

  await guest.open(link);

  await expect(guest.heading).toHaveText('This link has expired');
  expect(messages).toEqual([]);
});

test('unexpected API error at join keeps the input', async ({ page, standin }) => {
  await standin.fault('guestaccess_guest.join', 'apiError', { code: 'INVALID_KS', message: 'ks expired' });
  const guest = new GuestPage(page);
  await guest.open(await standin.firstLink(ROOM));

  await guest.fillAndJoin('Dana Levi', 'dana@example.org');

  await expect(guest.heading).toHaveText("This link can't be used right now");
  await expect(page.getByText('Your session has expired')).toHaveCount(0);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(guest.name).toHaveValue('Dana Levi');
});

test.describe('long names on a phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('waiting page wraps a long name', async ({ page, standin }) => {
    const guest = new GuestPage(page);
    await guest.open(await standin.firstLink(LOBBY));

    await guest.fillAndJoin('W'.repeat(100), 'dana@example.org');

    await expect(guest.heading).toHaveText('Waiting for the moderator to let you in');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
  });
});

test('leaving the waiting room keeps the form', async ({ page, standin }) => {
  const guest = new GuestPage(page);
  await guest.open(await standin.firstLink(LOBBY));
  await guest.fillAndJoin('Dana Levi', 'dana@example.org');
  await expect(guest.heading).toHaveText('Waiting for the moderator to let you in');

  await page.getByRole('button', { name: 'Leave' }).click();

  await expect(guest.heading).toHaveText('Office hours');
  await expect(guest.name).toHaveValue('Dana Levi');
  await expect(guest.email).toHaveValue('dana@example.org');
});

test('leaving the waiting room stops polling', async ({ page, standin }) => {
  const polls = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/guestaccess_guest/action/getTicket')) polls.push(Date.now());
  });
  const guest = new GuestPage(page);
  await guest.open(await standin.firstLink(LOBBY));
  await guest.fillAndJoin();
  await expect.poll(() => polls.length, { timeout: 10_000 }).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Leave' }).click();
  const left = Date.now();
  await page.waitForTimeout(5_000);

  expect(polls.filter((time) => time > left)).toEqual([]);
});

test('expired ticket while waiting offers a new start', async ({ page, standin }) => {
  const guest = new GuestPage(page);
  await guest.open(await standin.firstLink(LOBBY));
  await guest.fillAndJoin();
  await expect(guest.heading).toHaveText('Waiting for the moderator to let you in');

  await standin.control('clock', { advanceSeconds: 3_600 });

  await expect(guest.heading).toHaveText('Your request to join is no longer valid', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Start again' }).click();
  await expect(guest.heading).toHaveText('Office hours');
});

test('form errors are summed up at the top, which takes the focus', async ({ page, standin }) => {
  const guest = new GuestPage(page);
  await guest.open(await standin.firstLink(ROOM));
  await expect(page).toHaveTitle(/^Join Design review with guest speakers · Kaltura guest access$/);
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });

  await guest.join.click();

  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Join Design review with guest speakers · /);
  await expect(summary.getByRole('link')).toHaveText(['Enter your name', 'Enter your email address']);
  await expect(guest.name).toHaveAttribute('aria-invalid', 'true');
  await expect(guest.name).toHaveAccessibleDescription(/Enter your name/);
  await expect(guest.email).toHaveAccessibleDescription(/Enter your email address/);

  // Each entry leads to its field.
  await summary.getByRole('link', { name: 'Enter your email address' }).click();
  await expect(guest.email).toBeFocused();
  await summary.getByRole('link', { name: 'Enter your name' }).click();
  await expect(guest.name).toBeFocused();
  expect(new URL(page.url()).hash, 'the address keeps no fragment').toBe('');

  await guest.name.fill('Dana');
  await guest.email.fill('dana@localhost');
  await guest.join.click();

  await expect(summary.getByRole('link')).toHaveText(['Enter an email address in the correct format, like name@example.com']);
  await expect(summary).toBeFocused();
  await expect(guest.name).toHaveAttribute('aria-invalid', 'false');
  await expect(guest.email).toHaveValue('dana@localhost');
  expect((await standin.firstLink(ROOM)).clicksUsed).toBe(0);
});

test('opening and reloading uses no click', async ({ page, standin }) => {
  const link = await standin.firstLink(ROOM);
  await standin.setLink(link.id, { clicksLimit: 1 });
  const guest = new GuestPage(page);

  await guest.open(link);
  for (let reload = 0; reload < 3; reload += 1) {
    await page.reload();
    await expect(guest.name).toBeVisible();
  }
  expect((await standin.firstLink(ROOM)).clicksUsed).toBe(0);
  await guest.fillAndJoin();

  await expect(page).toHaveURL(/\/session\//);
  expect((await standin.firstLink(ROOM)).clicksUsed).toBe(1);
});

test('joinUrl on a foreign origin is refused', async ({ page, standin }) => {
  await standin.setEntry(ROOM, { joinOrigin: 'https://rooms.elsewhere.example' });
  const link = await standin.firstLink(ROOM);
  const guest = new GuestPage(page);
  await guest.open(link);

  await guest.fillAndJoin();

  await expect(guest.heading).toHaveText("This session can't be opened safely");
  expect(new URL(page.url()).pathname).toBe(new URL(link.url).pathname);
});

test.describe('transport failures', () => {
  test.use({ expectedConsoleErrors: [/status of 500/] });

  test('join failure keeps the input', async ({ page, standin }) => {
    await standin.fault('guestaccess_guest.join', 'http500');
    const guest = new GuestPage(page);
    await guest.open(await standin.firstLink(ROOM));

    await guest.fillAndJoin('Dana Levi', 'dana@example.org');

    await expect(page.getByRole('alert')).toContainText("Couldn't reach the server");
    await expect(guest.name).toHaveValue('Dana Levi');
    await expect(guest.email).toHaveValue('dana@example.org');
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page).toHaveURL(/\/session\//);
  });

  test('resolve failure offers Retry', async ({ page, standin }) => {
    await standin.fault('guestaccess_guest.resolve', 'http500');
    const guest = new GuestPage(page);

    await guest.open(await standin.firstLink(ROOM));

    await expect(guest.heading).toHaveText("Couldn't reach the server");
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(guest.heading).toHaveText('Design review with guest speakers');
  });
});

test('double submit makes one join', async ({ page, standin }) => {
  await standin.fault('guestaccess_guest.join', 'delay', { delaySeconds: 1 });
  const guest = new GuestPage(page);
  await guest.open(await standin.firstLink(LOBBY));
  await guest.name.fill('Dana');
  await guest.email.fill('dana@example.org');

  await guest.join.dblclick();

  await expect(guest.heading).toHaveText('Waiting for the moderator to let you in');
  expect((await standin.firstLink(LOBBY)).clicksUsed).toBe(1);
});

// Each cause gives the same page whether it is found when the link opens or at join.
const CAUSES = [
  ['access turned off', 'Guest access is turned off', (s, link) => s.setEntry(ROOM, { enabled: false })],
  ['link deleted', 'This link is no longer valid', (s, link) => s.control('link', { id: link.id, delete: true })],
  ['link expired', 'This link has expired', (s) => s.control('clock', { advanceSeconds: 31 * 86_400 })],
  ['clicks used up', 'This link has been used up', (s, link) => s.setLink(link.id, { clicksLimit: 1, clicksUsed: 1 })],
  ['room deleted', 'This session is no longer available', (s) => s.control('entry', { entryId: ROOM, delete: true })],
  ['gallery room', "Guests can't join this media", (s) => s.setEntry(ROOM, { entryType: 'mediaGalleryRoom' })],
];

for (const [cause, title, apply] of CAUSES) {
  test(`${cause}: page at open`, async ({ page, standin }) => {
    const link = await standin.firstLink(ROOM);
    await apply(standin, link);
    const guest = new GuestPage(page);

    await guest.open(link);

    await expect(guest.heading).toHaveText(title);
    await expect(page.getByText(/[A-Z_]{6,}/)).toHaveCount(0);
  });

  test(`${cause}: page at join`, async ({ page, standin }) => {
    const link = await standin.firstLink(ROOM);
    const guest = new GuestPage(page);
    await guest.open(link);
    await expect(guest.name).toBeVisible();
    await apply(standin, link);

    await guest.fillAndJoin();

    await expect(guest.heading).toHaveText(title);
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('form fits and works with the keyboard', async ({ page, standin }) => {
    const guest = new GuestPage(page);
    await guest.open(await standin.firstLink(ROOM));
    await expect(guest.name).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );

    await guest.name.focus();
    await page.keyboard.type('Dana Levi');
    await page.keyboard.press('Tab');
    await page.keyboard.type('dana@example.org');
    await page.keyboard.press('Enter');

    expect(overflow).toBe(0);
    await expect(page).toHaveURL(/\/session\//);
  });
});
