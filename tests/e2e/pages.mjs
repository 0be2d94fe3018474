// Page objects: each method is one step a person takes or one thing they read.
import { expect } from './fixtures.mjs';

/** The media page of one entry. */
export class MediaPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.guestAccess = page.getByRole('region', { name: 'Guest access' });
    this.linkTable = this.guestAccess.getByRole('table');
  }

  async open(entryId) {
    await this.page.goto(`/media/${entryId}`);
  }

  /** Rows of the link table, without the header row. */
  linkRows() {
    return this.linkTable.getByRole('row').filter({ hasNot: this.page.getByRole('columnheader') });
  }

  async expectLoaded(entryName) {
    await expect(this.heading).toHaveText(entryName);
  }
}
