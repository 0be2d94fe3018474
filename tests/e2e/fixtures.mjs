// Test fixtures: a stand-in per worker, a fresh demo state per test, and a check that no
// test leaves an error in the browser console.
import { test as base, expect } from '@playwright/test';
import { startStandIn } from './standin-process.mjs';

/** Client of one running stand-in: its API and its test controls. */
export class StandIn {
  constructor(origin) {
    this.origin = origin;
  }

  /** Restores the demo data and a normal config.json. */
  async reset() {
    await this.control('reset');
    await this.control('config', { serve: 'normal' });
  }

  /**
   * Chooses what config.json returns: 'normal', 'missing' or 'malformed'. `fields` adds
   * settings to the normal file, such as `{ requestTimeoutSeconds: 2 }`.
   */
  async serveConfig(mode, fields = {}) {
    await this.control('config', { serve: mode, ...fields });
  }

  /** Queues a fault for the next calls of an action, such as 'guestaccess_guestlink.list'. */
  async fault(action, kind, details = {}) {
    await this.control('fault', { action, kind, ...details });
  }

  /** Changes fields of an entry. */
  async setEntry(entryId, fields) {
    await this.control('entry', { entryId, fields });
  }

  /** Changes fields of a link. */
  async setLink(id, fields) {
    await this.control('link', { id, fields });
  }

  /** Returns the first link of an entry, as the API lists it. */
  async firstLink(entryId) {
    const list = await this.call('guestaccess_guestlink', 'list', { filter: { entryIdEqual: entryId } });
    return list.objects[0];
  }

  async control(name, body = {}) {
    const response = await fetch(`${this.origin}/__standin/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.ok, `control ${name} answered ${response.status}`).toBe(true);
  }

  /** Calls an API action as the demo moderator and returns the decoded body. */
  async call(service, action, params) {
    const config = await (await fetch(`${this.origin}/config.json`)).json();
    const response = await fetch(`${this.origin}/api_v3/service/${service}/action/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...params, ks: config.ks, format: 1, clientTag: 'e2e-tests' }),
    });
    expect(response.status).toBe(200);
    return response.json();
  }
}

export const test = base.extend({
  standin: [
    async ({}, use) => {
      const { child, origin } = startStandIn();
      await use(new StandIn(await origin));
      child.kill();
    },
    { scope: 'worker' },
  ],

  baseURL: async ({ standin }, use) => {
    await use(standin.origin);
  },

  // Console errors a test expects, such as Chromium's line about a deliberate 404.
  expectedConsoleErrors: [[], { option: true }],

  // Content Security Policy violations a test causes on purpose.
  expectedPolicyViolations: [[], { option: true }],

  page: async ({ page, standin, expectedConsoleErrors, expectedPolicyViolations }, use) => {
    await standin.reset();
    // Every Content Security Policy violation, in any frame, is reported to the test.
    await page.exposeBinding('reportPolicyViolation', (_source, text) => policyViolations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        window.reportPolicyViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
      });
    });
    const policyViolations = [];
    const problems = [];
    page.on('console', (message) => {
      const expected = expectedConsoleErrors.some((pattern) => pattern.test(message.text()));
      if (message.type() === 'error' && !expected) problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await use(page);
    expect(problems, 'errors in the browser console').toEqual([]);
    expect(policyViolations, 'Content Security Policy violations').toEqual(expectedPolicyViolations);
  },
});

export { expect };
