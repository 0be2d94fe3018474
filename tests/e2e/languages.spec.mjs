// Languages: English and Hebrew, chosen from the browser or forced with ?lang=, with real
// plural forms, dates and numbers from Intl, and a mirrored layout for Hebrew.
import { test, expect } from './fixtures.mjs';

const ROOM = '1_demoroom';
const LOBBY = '1_lobbyroom';

/** Opens the Manage guest access dialog of the demo room, in Hebrew. */
async function openHebrewDialog(page, query = '') {
  await page.goto(`/media/${ROOM}${query}`);
  await page.getByRole('button', { name: 'פעולות נוספות' }).click();
  await page.getByRole('menuitem', { name: 'ניהול גישת אורחים' }).click();
  const dialog = page.getByRole('dialog', { name: 'ניהול גישת אורחים' });
  await expect(dialog.getByRole('table')).toBeVisible();
  return dialog;
}

test.describe('with a Hebrew browser', () => {
  test.use({ locale: 'he-IL', timezoneId: 'Asia/Jerusalem' });

  test('media page and dialog are in Hebrew and mirrored', async ({ page }) => {
    const dialog = await openHebrewDialog(page);

    const root = page.locator(':root');
    await expect(root).toHaveAttribute('lang', 'he');
    await expect(root).toHaveAttribute('dir', 'rtl');
    await expect(dialog.getByRole('switch', { name: 'הפעלת גישת אורחים' })).toBeChecked();
    await expect(dialog.getByText('קישור אחד', { exact: true })).toBeVisible();
    await expect(dialog.getByRole('columnheader')).toHaveText(['שם הקישור', 'תאריך תפוגה', 'מספר כניסות', 'פעולות']);
    await expect(dialog.getByRole('button', { name: 'העתקת הקישור Guest speakers' })).toBeVisible();

    // Mirrored: the close button sits at the dialog's left edge, the title at its right.
    const close = await dialog.getByRole('button', { name: 'סגירה' }).boundingBox();
    const title = await dialog.getByRole('heading', { name: 'ניהול גישת אורחים' }).boundingBox();
    expect(close.x + close.width).toBeLessThan(title.x);
  });

  test('plural forms follow Hebrew rules', async ({ page }) => {
    const dialog = await openHebrewDialog(page);
    const count = dialog.locator('.ga-link-count');
    await expect(count).toHaveText('קישור אחד');

    for (const [name, expected] of [['שני', 'שני קישורים'], ['שלישי', '3 קישורים']]) {
      await dialog.getByRole('button', { name: 'יצירת קישור חדש' }).click();
      const form = page.getByRole('dialog', { name: 'יצירת קישור חדש' });
      await form.getByRole('textbox', { name: 'שם הקישור' }).fill(name);
      await form.getByRole('button', { name: 'יצירה' }).click();
      await expect(count).toHaveText(expected);
    }
    await expect(dialog.getByText('למדיה הזו כבר יש 3 קישורים, המספר המרבי. מחקו אחד כדי ליצור אחר.')).toBeVisible();
  });

  test('dates and numbers come from Intl in the reader\'s locale and zone', async ({ page, standin }) => {
    const link = await standin.firstLink(ROOM);
    // 2026-04-23T22:30:00Z is already April 24 in Jerusalem.
    const expiresAt = 1_776_983_400;
    await standin.setLink(link.id, { expiresAt, clicksLimit: 100_000, clicksUsed: 1_234 });
    const dialog = await openHebrewDialog(page);

    const expected = await page.evaluate((seconds) => ({
      date: new Intl.DateTimeFormat('he-IL', { year: 'numeric', month: 'long', day: 'numeric' })
        .format(new Date(seconds * 1000)),
      used: new Intl.NumberFormat('he-IL').format(1234),
      limit: new Intl.NumberFormat('he-IL').format(100000),
    }), expiresAt);
    expect(expected.date).toContain('24');
    const row = dialog.getByRole('row').filter({ hasText: 'Guest speakers' });
    await expect(row.getByRole('cell').nth(0)).toHaveText(expected.date);
    await expect(row.getByRole('cell').nth(1)).toHaveText(`${expected.used} מתוך ${expected.limit}`);
  });

  test('a link address stays left to right in the copy fallback', async ({ page }) => {
    const dialog = await openHebrewDialog(page);
    // Without clipboard permission the write is refused, which shows the fallback field.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    await dialog.getByRole('button', { name: 'העתקת הקישור Guest speakers' }).click();

    const field = dialog.getByRole('textbox', { name: 'קישור עבור Guest speakers' });
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute('dir', 'ltr');
    expect(await field.evaluate((input) => getComputedStyle(input).direction)).toBe('ltr');
    await expect(field).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/guest\//);
  });

  test('?lang=en forces English', async ({ page }) => {
    await page.goto(`/media/${ROOM}?lang=en`);
    await expect(page.getByRole('button', { name: 'More actions' })).toBeVisible();
    await expect(page.locator(':root')).toHaveAttribute('lang', 'en');
    await expect(page.locator(':root')).toHaveAttribute('dir', 'ltr');
  });

  test('guest form errors read in Hebrew', async ({ page, standin }) => {
    const link = await standin.firstLink(LOBBY);
    await page.goto(new URL(link.url).pathname);
    await expect(page).toHaveTitle('הצטרפות אל Office hours · גישת אורחים של Kaltura');

    await page.getByRole('button', { name: 'הצטרפות' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'יש בעיה' });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText(['הזינו את שמכם', 'הזינו את כתובת הדוא״ל שלכם']);
    await expect(page).toHaveTitle(/^שגיאה: הצטרפות אל Office hours/);

    await page.getByRole('textbox', { name: 'שם' }).fill('דנה לוי');
    await page.getByRole('textbox', { name: 'דוא״ל' }).fill('dana@example.org');
    await page.getByRole('button', { name: 'הצטרפות' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ממתינים שהמנחה יכניס אתכם');
    await expect(page.getByText('תצטרפו בשם דנה לוי.')).toBeVisible();
  });
});

test.describe('with an English browser', () => {
  test.use({ locale: 'en-US' });

  test('?lang=he forces Hebrew', async ({ page }) => {
    const dialog = await openHebrewDialog(page, '?lang=he');
    await expect(page.locator(':root')).toHaveAttribute('dir', 'rtl');
    await expect(dialog.getByRole('button', { name: 'יצירת קישור חדש' })).toBeVisible();
  });

  test('an unknown ?lang= keeps the browser\'s language', async ({ page }) => {
    await page.goto(`/media/${ROOM}?lang=xx`);
    await expect(page.getByRole('button', { name: 'More actions' })).toBeVisible();
    await expect(page.locator(':root')).toHaveAttribute('lang', 'en');
  });
});

test.describe('with a browser in a language not shipped', () => {
  test.use({ locale: 'fr-FR' });

  test('English is the fallback', async ({ page }) => {
    await page.goto(`/media/${ROOM}`);
    await expect(page.getByRole('button', { name: 'More actions' })).toBeVisible();
    await expect(page.locator(':root')).toHaveAttribute('lang', 'en');
    await expect(page.locator(':root')).toHaveAttribute('dir', 'ltr');
  });
});

test.describe('names in the other direction', () => {
  test.use({ locale: 'he-IL' });

  test('a Latin name keeps its order and the Hebrew side', async ({ page, standin }) => {
    await standin.setEntry(ROOM, { name: 'Weekly sync 3.' });
    const link = await standin.firstLink(ROOM);
    await standin.setLink(link.id, { name: 'Team A!' });
    const dialog = await openHebrewDialog(page);

    // The name is isolated, so its final full stop stays at its end.
    await expect(page.locator('h1.ga-media-title bdi')).toHaveText('Weekly sync 3.');

    // The name sits on the right, the start side of the Hebrew cell.
    const sides = await dialog.locator('.ga-table__name-text').first().evaluate((name) => {
      const range = document.createRange();
      range.selectNodeContents(name);
      const text = range.getBoundingClientRect();
      const cell = name.closest('th').getBoundingClientRect();
      return { textRight: text.right, cellRight: cell.right, cellLeft: cell.left, textLeft: text.left };
    });
    expect(sides.cellRight - sides.textRight).toBeLessThan(sides.textLeft - sides.cellLeft);
  });
});
