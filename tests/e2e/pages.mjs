// Page objects: each method is one step a person takes or one thing they read, named as
// in the help-centre article.
import { expect } from './fixtures.mjs';

/** The media page of one entry. */
export class MediaPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.menuButton = page.getByRole('button', { name: 'More actions' });
    this.manageItem = page.getByRole('menuitem', { name: 'Manage guest access' });
  }

  async open(entryId) {
    await this.page.goto(`/media/${entryId}`);
  }

  async expectLoaded(entryName) {
    await expect(this.heading).toHaveText(entryName);
  }

  /** Opens the three-dots menu and chooses Manage guest access. */
  async openManageGuestAccess() {
    await this.menuButton.click();
    await this.manageItem.click();
    const dialog = new ManageDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}

/** The Manage guest access dialog. */
export class ManageDialog {
  constructor(page) {
    this.page = page;
    this.root = page.getByRole('dialog', { name: 'Manage guest access' });
    this.accessSwitch = this.root.getByRole('switch', { name: 'Enable guest access' });
    this.table = this.root.getByRole('table');
    this.createButton = this.root.getByRole('button', { name: 'Create new link' });
    this.closeButton = this.root.getByRole('button', { name: 'Close' });
  }

  /** Rows of the link table, without the header row. */
  rows() {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader') });
  }

  /** The row of the link with this name. */
  row(name) {
    return this.rows().filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  /** The text of one cell of a link's row: 'expiry', 'clicks'. */
  cell(name, column) {
    const index = { expiry: 0, clicks: 1 }[column];
    return this.row(name).getByRole('cell').nth(index);
  }

  async expectCount(text) {
    await expect(this.root.getByText(text, { exact: true })).toBeVisible();
  }

  /** Opens Create new link, fills the fields given and presses Create. */
  async createLink({ name = '', clicks = '', duration = '' }) {
    await this.createButton.click();
    const form = new CreateDialog(this.page);
    await form.fill({ name, clicks, duration });
    await form.submit.click();
    return form;
  }

  /** Presses the trash can of a link and confirms the deletion. */
  async deleteLink(name) {
    await this.root.getByRole('button', { name: `Delete link ${name}` }).click();
    const confirm = this.page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(confirm).toHaveCount(0);
  }
}

/** The Create new link dialog. */
export class CreateDialog {
  constructor(page) {
    this.page = page;
    this.root = page.getByRole('dialog', { name: 'Create new link' });
    this.name = this.root.getByRole('textbox', { name: 'Link Name' });
    this.clicks = this.root.getByRole('textbox', { name: '# of clicks' });
    this.duration = this.root.getByRole('textbox', { name: 'Duration' });
    this.submit = this.root.getByRole('button', { name: 'Create', exact: true });
    this.cancel = this.root.getByRole('button', { name: 'Cancel' });
  }

  async fill({ name = '', clicks = '', duration = '' }) {
    await this.name.fill(name);
    await this.clicks.fill(clicks);
    await this.duration.fill(duration);
  }

  /** The error message shown for the field with this label. */
  errorOf(label) {
    const field = this.page.getByRole('textbox', { name: label });
    return this.root.locator('.ga-field').filter({ has: field }).locator('.ga-field__error');
  }
}

/** The guest page of one link. */
export class GuestPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.name = page.getByRole('textbox', { name: 'Name' });
    this.email = page.getByRole('textbox', { name: 'Email' });
    this.join = page.getByRole('button', { name: 'Join' });
  }

  async open(link) {
    await this.page.goto(new URL(link.url).pathname);
  }

  async fillAndJoin(name = 'Dana Levi', email = 'dana@example.org') {
    await this.name.fill(name);
    await this.email.fill(email);
    await this.join.click();
  }
}

/** Returns the paths of every state the gallery index links to, in index order. */
export async function discoverStates(page) {
  await page.goto('/gallery');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Component gallery');
  const paths = await page
    .locator('a[data-gallery-state]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('data-gallery-state')));
  // Leaving the index before its style sheet arrives would abort that request.
  await page.waitForLoadState('networkidle');
  return paths;
}
