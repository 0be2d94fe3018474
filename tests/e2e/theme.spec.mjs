// Theming: colours, radii, spacing and fonts come only from the custom properties of
// style/tokens.css, light and dark follow the user's setting, and a host page can
// override the brand tokens with a style sheet of its own.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { MediaPage } from './pages.mjs';

const ROOM = '1_demoroom';
const ROOM_NAME = 'Design review with guest speakers';
const HOST_THEME = new URL('./host-theme.css', import.meta.url);
/** The colours host-theme.css gives the primary button, light then dark. */
const HOST_PRIMARY = { light: 'rgb(106, 27, 154)', dark: 'rgb(215, 168, 245)' };

function readStyle(name) {
  return readFileSync(new URL(`../../style/${name}`, import.meta.url), 'utf8');
}

/** Returns the declarations of a style sheet as { property, value }, comments removed. */
function declarations(css) {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const found = [];
  for (const [, body] of text.matchAll(/\{([^{}]*)\}/g)) {
    for (const part of body.split(';')) {
      const colon = part.indexOf(':');
      if (colon < 0) continue;
      found.push({ property: part.slice(0, colon).trim().toLowerCase(), value: part.slice(colon + 1).trim() });
    }
  }
  return found;
}

const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;
const COLOUR_NAME = /\b(?:white|black|red|green|blue|gray|grey|silver|yellow|orange|purple|navy|maroon|teal)\b/i;
const FONT_PROPERTY = /^(?:font|font-family|font-size|font-weight|line-height)$/;
const SPACING_PROPERTY = /^(?:margin|padding)(?:-[a-z-]+)?$|^(?:row-|column-)?gap$/;
const LINE_PROPERTY = /^(?:border|outline)(?!.*radius)/;
const LENGTH = /(-?\d*\.?\d+)(px|rem|em|%|vw|vh|ch)\b/g;

/** Replaces every `var(--name)` without a fallback by `TOKEN`. */
function withoutTokens(value) {
  return value.replace(/var\(--[\w-]+\)/g, 'TOKEN');
}

/** Returns the lengths in a value that are not hairlines: 1px or 2px, either sign. */
function rawLengths(value) {
  return [...withoutTokens(value).matchAll(LENGTH)]
    .filter(([, number, unit]) => !(unit === 'px' && Math.abs(Number(number)) <= 2))
    .map(([length]) => length);
}

/** Returns each declaration of a style sheet that bypasses the tokens. */
function rawValues(css) {
  const found = [];
  for (const { property, value } of declarations(css)) {
    const bare = withoutTokens(value);
    const where = `${property}: ${value}`;
    if (property.startsWith('--')) found.push(`token declared outside tokens.css: ${where}`);
    if (COLOUR_LITERAL.test(bare) || COLOUR_NAME.test(bare)) found.push(`raw colour: ${where}`);
    if (FONT_PROPERTY.test(property) && !/^(?:TOKEN|inherit)$/.test(bare)) found.push(`raw font value: ${where}`);
    if (property.endsWith('radius') && !/^(?:TOKEN|0)(?: (?:TOKEN|0))*$/.test(bare)) {
      found.push(`raw radius: ${where}`);
    }
    if ((SPACING_PROPERTY.test(property) || LINE_PROPERTY.test(property)) && rawLengths(value).length > 0) {
      found.push(`raw length: ${where}`);
    }
  }
  return found;
}

/** Returns the custom properties that tokens.css declares. */
function declaredTokens() {
  return new Set(
    declarations(readStyle('tokens.css'))
      .map(({ property }) => property)
      .filter((property) => property.startsWith('--')),
  );
}

/** Returns the light or dark value of a light-dark() colour token as computed `rgb()`. */
function tokenColour(name, theme) {
  const match = readStyle('tokens.css').match(new RegExp(`${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`));
  expect(match, `${name} is a light-dark() pair of hex colours`).not.toBeNull();
  const hex = match[theme === 'light' ? 1 : 2];
  const [red, green, blue] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${red}, ${green}, ${blue})`;
}

test.describe('style sheets', () => {
  for (const file of ['main.css', 'gallery.css']) {
    test(`${file} uses only tokens`, () => {
      expect(rawValues(readStyle(file))).toEqual([]);
    });

    test(`${file} uses declared tokens`, () => {
      const declared = declaredTokens();
      const used = [...readStyle(file).matchAll(/var\((--[\w-]+)/g)].map(([, name]) => name);
      expect(used.length).toBeGreaterThan(0);
      expect(used.filter((name) => !declared.has(name))).toEqual([]);
    });
  }

  test('source check finds raw values', () => {
    const css = `
      .a { color: #ffffff; background: rgb(0 0 0 / 0.5); border-color: white; }
      .b { font-size: 1.75rem; line-height: 1.25; font-weight: 600; }
      .c { border-radius: 1rem; margin: 0 var(--ga-space-2) 0.5rem; gap: 3px; }
      .d { --ga-color-extra: red; outline: 3px solid var(--ga-color-focus); }
      .e { color: var(--ga-color-text); margin: -1px; border: 1px solid var(--ga-color-border); }`;

    expect(rawValues(css)).toEqual([
      'raw colour: color: #ffffff',
      'raw colour: background: rgb(0 0 0 / 0.5)',
      'raw colour: border-color: white',
      'raw font value: font-size: 1.75rem',
      'raw font value: line-height: 1.25',
      'raw font value: font-weight: 600',
      'raw radius: border-radius: 1rem',
      'raw length: margin: 0 var(--ga-space-2) 0.5rem',
      'raw length: gap: 3px',
      'token declared outside tokens.css: --ga-color-extra: red',
      'raw colour: --ga-color-extra: red',
      'raw length: outline: 3px solid var(--ga-color-focus)',
    ]);
  });
});

/** Returns the computed colours of the page and of its first button. */
function pageColours(page) {
  return page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const button = getComputedStyle(document.querySelector('.ga-button'));
    return {
      background: body.backgroundColor,
      text: body.color,
      primary: button.backgroundColor,
      primaryText: button.color,
    };
  });
}

/** Opens the guest page of the demo room, which shows a primary button. */
async function openGuestPage(page, standin) {
  const link = await standin.firstLink(ROOM);
  await page.goto(new URL(link.url).pathname);
  await expect(page.getByRole('button', { name: 'Join' })).toBeVisible();
}

function expectedColours(theme) {
  return {
    background: tokenColour('--ga-color-bg', theme),
    text: tokenColour('--ga-color-text', theme),
    primary: tokenColour('--ga-color-primary', theme),
    primaryText: tokenColour('--ga-color-primary-text', theme),
  };
}

test.describe('light and dark', () => {
  for (const theme of ['light', 'dark']) {
    test(`${theme} system setting gives ${theme} colours`, async ({ page, standin }) => {
      await page.emulateMedia({ colorScheme: theme });

      await openGuestPage(page, standin);

      expect(await pageColours(page)).toEqual(expectedColours(theme));
    });
  }

  test('light and dark colours differ', () => {
    expect(expectedColours('light').background).not.toBe(expectedColours('dark').background);
    expect(expectedColours('light').text).not.toBe(expectedColours('dark').text);
  });

  for (const [system, fixed] of [
    ['dark', 'light'],
    ['light', 'dark'],
  ]) {
    test(`data-theme="${fixed}" wins over ${system} system`, async ({ page, standin }) => {
      await page.emulateMedia({ colorScheme: system });
      await openGuestPage(page, standin);
      expect(await pageColours(page)).toEqual(expectedColours(system));

      await page.evaluate((theme) => document.documentElement.setAttribute('data-theme', theme), fixed);

      expect(await pageColours(page)).toEqual(expectedColours(fixed));
    });
  }
});

/** Serves host-theme.css at /host-theme.css and links it after the app's style sheets. */
async function addHostTheme(page) {
  await page.route('**/host-theme.css', (route) =>
    route.fulfill({ path: HOST_THEME.pathname, contentType: 'text/css' }),
  );
  await page.addStyleTag({ url: '/host-theme.css' });
}

test.describe('host overrides', () => {
  for (const theme of ['light', 'dark']) {
    test(`host brand colours apply, ${theme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      const media = new MediaPage(page);
      await media.open(ROOM);
      await media.expectLoaded(ROOM_NAME);
      const dialog = await media.openManageGuestAccess();
      await expect(dialog.createButton).toBeEnabled();
      const before = await dialog.createButton.evaluate((button) => getComputedStyle(button).backgroundColor);
      expect(before).toBe(tokenColour('--ga-color-primary', theme));

      await addHostTheme(page);

      await expect(dialog.createButton).toHaveCSS('background-color', HOST_PRIMARY[theme]);
      await expect(dialog.createButton).toHaveCSS('border-top-left-radius', '2px');
      await expect(dialog.root).toHaveCSS('border-top-left-radius', '4px');
      await expect(page.locator('body')).toHaveCSS('font-family', /^Georgia/);
      // The focus ring shows for keyboard focus: Tab from the dialog reaches Close.
      await page.keyboard.press('Tab');
      await expect(dialog.closeButton).toBeFocused();
      await expect(dialog.closeButton).toHaveCSS('outline-color', HOST_PRIMARY[theme]);
      // Tokens the host did not set keep their values.
      await expect(page.locator('body')).toHaveCSS('background-color', tokenColour('--ga-color-bg', theme));
    });
  }

  test.describe('inline style', () => {
    test.use({
      expectedConsoleErrors: [/Applying inline style violates/],
      expectedPolicyViolations: ['style-src-elem blocked inline'],
    });

    test('inline host style is blocked by the policy', async ({ page, standin }) => {
      await openGuestPage(page, standin);
      const join = page.getByRole('button', { name: 'Join' });

      await page.addStyleTag({ path: HOST_THEME.pathname }).catch(() => {});

      await expect.poll(() => join.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe(
        tokenColour('--ga-color-primary', 'light'),
      );
    });
  });
});

/**
 * Colour pairs that must stay readable: [foreground token, background token, minimum
 * ratio]. Text needs 4.5:1 (WCAG 1.4.3), focus rings and field edges 3:1 (WCAG 1.4.11).
 */
const CONTRAST_PAIRS = [
  ['--ga-color-text', '--ga-color-bg', 4.5],
  ['--ga-color-text', '--ga-color-surface', 4.5],
  ['--ga-color-text', '--ga-color-danger-surface', 4.5],
  ['--ga-color-text-muted', '--ga-color-bg', 4.5],
  ['--ga-color-text-muted', '--ga-color-surface', 4.5],
  ['--ga-color-primary-text', '--ga-color-primary', 4.5],
  ['--ga-color-primary', '--ga-color-bg', 4.5],
  ['--ga-color-danger-text', '--ga-color-danger', 4.5],
  ['--ga-color-danger', '--ga-color-bg', 4.5],
  ['--ga-color-player-text', '--ga-color-player', 4.5],
  ['--ga-color-focus', '--ga-color-bg', 3],
  ['--ga-color-focus', '--ga-color-surface', 3],
  ['--ga-color-border-control', '--ga-color-bg', 3],
];

/** Returns the contrast ratio of each pair, computed in the page from the tokens. */
function contrastRatios(page) {
  return page.evaluate((pairs) => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const rgb = (token) => {
      probe.style.color = `var(${token})`;
      return getComputedStyle(probe).color.match(/[\d.]+/g).slice(0, 3).map(Number);
    };
    const luminance = (channels) => {
      const [red, green, blue] = channels.map((channel) => {
        const value = channel / 255;
        return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
    };
    const ratios = pairs.map(([foreground, background, minimum]) => {
      const [lighter, darker] = [luminance(rgb(foreground)), luminance(rgb(background))].sort((a, b) => b - a);
      return { pair: `${foreground} on ${background}`, ratio: (lighter + 0.05) / (darker + 0.05), minimum };
    });
    probe.remove();
    return ratios;
  }, CONTRAST_PAIRS);
}

for (const host of [false, true]) {
  for (const theme of ['light', 'dark']) {
    test(`${host ? 'host' : 'default'} ${theme} colours meet AA`, async ({ page, standin }) => {
      await page.emulateMedia({ colorScheme: theme });
      await openGuestPage(page, standin);
      if (host) {
        await addHostTheme(page);
        await expect(page.getByRole('button', { name: 'Join' })).toHaveCSS('background-color', HOST_PRIMARY[theme]);
      }

      for (const { pair, ratio, minimum } of await contrastRatios(page)) {
        expect(ratio, `contrast of ${pair}`).toBeGreaterThanOrEqual(minimum);
      }
    });
  }
}
