// The fault matrix: every backend action the app calls, crossed with every fault the
// stand-in can inject. fault-matrix.spec.mjs runs one test per cell, and docs/fault-matrix.md
// lists the same cells as a table, printed by `node tests/e2e/fault-matrix.mjs`.

/** Message of the API error that is not about the session. */
export const MAINTENANCE = 'Guest access is paused for maintenance. Try again in a minute.';

/** Message the stand-in sends with INVALID_KS. */
export const SESSION_EXPIRED = 'The session is missing or has expired.';

/**
 * Faults, each with the family of message the user should get: `transport` (the call may
 * not have reached the backend), `session` (INVALID_KS) or `api` (any other API error).
 * `runs` marks faults where the backend still does the action although the client sees
 * a failure, so a retry must not do it twice.
 */
export const FAULTS = [
  { id: 'http500', label: 'HTTP 500', kind: 'http500', family: 'transport', runs: false },
  { id: 'html502', label: 'HTTP 502 with an HTML body', kind: 'html502', family: 'transport', runs: false },
  {
    id: 'timeout',
    label: 'answer after the time-out',
    kind: 'delay',
    details: { delaySeconds: 4 },
    family: 'transport',
    runs: true,
  },
  { id: 'malformed', label: 'body that is not JSON', kind: 'malformed', family: 'transport', runs: false },
  { id: 'truncated', label: 'JSON cut in half', kind: 'truncated', family: 'transport', runs: true },
  {
    id: 'wrong-type',
    label: 'unexpected `objectType`',
    kind: 'wrongObjectType',
    family: 'transport',
    runs: true,
  },
  {
    id: 'invalid-ks',
    label: '`INVALID_KS`',
    kind: 'apiError',
    details: { code: 'INVALID_KS', message: SESSION_EXPIRED },
    family: 'session',
    runs: false,
  },
  {
    id: 'api-error',
    label: 'other API error',
    kind: 'apiError',
    details: { code: 'SERVICE_UNAVAILABLE', message: MAINTENANCE },
    family: 'api',
    runs: false,
  },
  { id: 'server-gone', label: 'server gone mid-session', kind: null, family: 'transport', runs: false },
];

/**
 * Promises of each action's cells, by fault family: the message shown, the way out, and
 * the check made once the fault is gone. The steps are in the spec file.
 */
export const ACTIONS = [
  {
    action: 'guestaccess_settings.get',
    where: 'media page opens',
    sees: {
      transport: '"Media unavailable" with "Couldn\'t reach the server: …"',
      session: '"Media unavailable" with "Your session has expired. Reload the page to sign in again."',
      api: '"Media unavailable" with the server\'s message',
    },
    wayOut: { transport: 'Retry', session: 'Reload page', api: 'Retry' },
    after: 'the media page and its menu',
  },
  {
    action: 'guestaccess_guestlink.list',
    where: 'Manage guest access opens',
    sees: {
      transport: 'an alert in the dialog: "Couldn\'t reach the server: …"',
      session: 'an alert in the dialog: "Your session has expired. …"',
      api: 'an alert in the dialog with the server\'s message',
    },
    wayOut: { transport: 'Retry', session: 'Reload page', api: 'Retry' },
    after: 'the link table with its one link',
  },
  {
    action: 'guestaccess_settings.update',
    where: 'the switch turns guest access off',
    sees: {
      transport: 'an alert under the switch, which shows the server\'s state again',
      session: 'an alert under the switch: "Your session has expired. …"',
      api: 'an alert under the switch with the server\'s message',
      ran: 'no alert: the settings read again show the change landed, and "Guest access turned off" is announced',
    },
    wayOut: { transport: 'Retry asks for off again', session: 'Reload page', api: 'Retry', ran: 'none needed' },
    after: 'access off on the server and the link shown as Inactive',
  },
  {
    action: 'guestaccess_guestlink.add',
    where: 'Create is pressed',
    sees: {
      transport: 'an alert in the form, with the typed name and clicks kept',
      session: 'an alert in the form: "Your session has expired. …", with the input kept',
      api: 'an alert in the form with the server\'s message, with the input kept',
    },
    wayOut: {
      transport: 'Retry, with the same `requestId`',
      session: 'Reload page',
      api: 'Retry, with the same `requestId`',
    },
    after: 'exactly one new link, in the table and on the server',
  },
  {
    action: 'guestaccess_guestlink.delete',
    where: 'Delete is confirmed',
    sees: {
      transport: 'an alert in the confirmation, which stays open',
      session: 'an alert in the confirmation: "Your session has expired. …"',
      api: 'an alert in the confirmation with the server\'s message',
    },
    wayOut: {
      transport: 'Retry; when the first call had deleted the link, "This link had already been deleted"',
      session: 'Reload page',
      api: 'Retry',
    },
    after: 'the link gone from the table and the server',
  },
  {
    action: 'guestaccess_guest.resolve',
    where: 'a guest opens the link',
    sees: {
      transport: 'the page "Couldn\'t reach the server"',
      session: 'the page "This link can\'t be used right now" with the server\'s message',
      api: 'the page "This link can\'t be used right now" with the server\'s message',
    },
    wayOut: { transport: 'Retry', session: 'Try again', api: 'Try again' },
    after: 'the entry form',
  },
  {
    action: 'guestaccess_guest.join',
    where: 'the guest presses Join',
    sees: {
      transport: 'an alert in the form, with the name and email kept',
      session: 'the page "This link can\'t be used right now" with the server\'s message',
      api: 'the page "This link can\'t be used right now" with the server\'s message',
    },
    wayOut: { transport: 'Retry', session: 'Try again, which shows the form with the input kept', api: 'Try again, which shows the form with the input kept' },
    after: 'the guest in the session',
  },
  {
    action: 'guestaccess_guest.getTicket',
    where: 'the waiting page polls',
    sees: {
      transport: '"The connection is unsteady. Still trying…" under the waiting message',
      session: '"The server could not check your request. Still trying…" under the waiting message',
      api: '"The server could not check your request. Still trying…" under the waiting message',
    },
    wayOut: { transport: 'none needed: polling goes on', session: 'none needed: polling goes on', api: 'none needed: polling goes on' },
    after: 'the guest admitted into the session',
  },
];

/** Returns the family of outcome a cell has: `ran` for a change that landed unseen. */
export function outcomeOf(scenario, fault) {
  if (fault.runs && scenario.sees.ran) return 'ran';
  return fault.family;
}

/** Returns the test name of one cell. */
export function cellName(scenario, fault) {
  return `${scenario.action}: ${fault.id}`;
}

/** Returns the Markdown table of the matrix, one row per test. */
export function matrixTable() {
  const rows = ['| action, when | fault | the user sees | way out | checked after the fault |', '|---|---|---|---|---|'];
  for (const scenario of ACTIONS) {
    for (const fault of FAULTS) {
      const outcome = outcomeOf(scenario, fault);
      rows.push(
        `| \`${scenario.action}\`, ${scenario.where} | ${fault.label} | ${scenario.sees[outcome]} | ` +
          `${scenario.wayOut[outcome]} | ${scenario.after} |`,
      );
    }
  }
  return `${rows.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(matrixTable());
}
