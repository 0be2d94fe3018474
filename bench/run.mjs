// Times the production app against the hand-written baseline page (baseline.html) in
// headless Chromium: with the CPU slowed 4x through the DevTools protocol, with and
// without a slow network, and at full speed, with and without latency. Prints medians,
// the bytes each first load moved, and memory.
// Run by `cargo xtask bench`; usage: node bench/run.mjs --site target/bench-site --runs 10
import os from 'node:os';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../tests/e2e/chromium.mjs';
import { startStandIn } from '../tests/e2e/standin-process.mjs';

const CPU_SLOWDOWN = 4;
/** 400 kbit/s is 50,000 bytes per second each way. */
const SLOW_NETWORK = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
/** Throughput -1 leaves the bandwidth as it is. */
const LATENCY_ONLY = { offline: false, latency: 100, downloadThroughput: -1, uploadThroughput: -1 };
const PROFILES = [
  { name: `CPU ${CPU_SLOWDOWN}x slower, local network`, cpu: CPU_SLOWDOWN, network: null },
  { name: `CPU ${CPU_SLOWDOWN}x slower, 400 ms latency, 400 kbit/s`, cpu: CPU_SLOWDOWN, network: SLOW_NETWORK },
  { name: 'CPU not slowed, local network', cpu: 1, network: null },
  // On the local network the list's response arrives while the dialog is still being
  // drawn, so the time after the response counts that drawing too. With 100 ms of
  // latency the dialog is ready first, and the time after the response is the table's.
  { name: 'CPU not slowed, 100 ms latency', cpu: 1, network: LATENCY_ONLY },
];
const FRAME_MS = 1000 / 60;
const DEMO_ENTRY = '1_demoroom';
const STEP_TIMEOUT_MS = 120_000;

/**
 * Runs in each page before its own scripts. It notes, in page time (milliseconds since
 * the navigation started), when the Name field can take the focus, when a link table
 * shows a row, and when the click that opens the link table lands.
 */
function watchPage() {
  const marks = {};
  window.benchMarks = marks;
  const usable = (element) => element && !element.disabled && element.checkVisibility();
  const check = () => {
    const name = [...document.querySelectorAll('form input')]
      .find((input) => input.labels?.[0]?.textContent.trim() === 'Name');
    if (marks.formReady === undefined && usable(name)) marks.formReady = performance.now();
    const row = document.querySelector('table tbody tr');
    if (marks.click !== undefined && marks.tableShown === undefined && usable(row)) {
      marks.tableShown = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  addEventListener('click', (event) => {
    const target = event.target.closest?.('[role="menuitem"], button');
    if (target?.textContent.trim() === 'Manage guest access') marks.click = performance.now();
  }, true);
  addEventListener('TrunkApplicationStarted', (event) => {
    window.benchWasmMemory = event.detail.wasm.memory;
  });
}

function parseArguments() {
  const options = { site: null, runs: 10 };
  const args = process.argv.slice(2);
  for (let index = 0; index < args.length; index += 2) {
    const [flag, value] = [args[index], args[index + 1]];
    if (flag === '--site' && value) options.site = value;
    else if (flag === '--runs' && Number(value) > 0) options.runs = Number(value);
    else throw new Error(`invalid option ${flag} ${value ?? ''}; usage: --site FOLDER [--runs N]`);
  }
  if (!options.site) throw new Error('missing --site FOLDER');
  return options;
}

/** Returns the address of the demo room's first guest link, read from the stand-in's API. */
async function guestLinkPath(origin) {
  const config = await (await fetch(`${origin}/config.json`)).json();
  const response = await fetch(`${origin}/api_v3/service/guestaccess_guestlink/action/list`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ks: config.ks, format: 1, filter: { entryIdEqual: DEMO_ENTRY } }),
  });
  const list = await response.json();
  if (!list.objects?.length) throw new Error(`the stand-in has no guest link for ${DEMO_ENTRY}`);
  return new URL(list.objects[0].url);
}

/** Opens a fresh context (an empty cache) with the CPU slowed and the network profile set. */
async function openPage(browser, profile) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  await session.send('Network.enable');
  if (profile.network) await session.send('Network.emulateNetworkConditions', profile.network);
  const transfers = new Map();
  session.on('Network.responseReceived', ({ requestId, response }) => {
    transfers.set(requestId, { url: response.url, encoding: response.headers['content-encoding'] ?? response.headers['Content-Encoding'] ?? '', bytes: 0 });
  });
  session.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const transfer = transfers.get(requestId);
    if (transfer) transfer.bytes = encodedDataLength;
  });
  await page.addInitScript(watchPage);
  return { context, page, session, transfers };
}

/** Waits for a mark of `watchPage`, and returns it. */
async function mark(page, name) {
  await page.waitForFunction((name) => window.benchMarks?.[name] !== undefined, name, { timeout: STEP_TIMEOUT_MS });
  return page.evaluate((name) => window.benchMarks[name], name);
}

/** Returns when the response of the last request whose address contains `part` ended. */
function responseEnd(page, part) {
  return page.evaluate((part) => {
    const entries = performance.getEntriesByType('resource').filter((entry) => entry.name.includes(part));
    return entries.at(-1)?.responseEnd;
  }, part);
}

/** Collects garbage, then returns the JS heap in use and the wasm memory, in bytes. */
async function memory(page, session) {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.benchWasmMemory?.buffer.byteLength ?? 0);
  return { heap: usedSize, wasm };
}

/** Times one guest visit, until the Name field can take the focus. */
async function guestRun(browser, profile, url) {
  const { context, page, session, transfers } = await openPage(browser, profile);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const formReady = await mark(page, 'formReady');
    const resolved = await responseEnd(page, 'action/resolve');
    return { formReady, resolved, memory: await memory(page, session), transfers: [...transfers.values()] };
  } finally {
    await context.close();
  }
}

/** Times one moderator visit: opens the media page, then times the link table after the click. */
async function mediaRun(browser, profile, url, openManage) {
  const { context, page, session, transfers } = await openPage(browser, profile);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await openManage(page);
    const click = await mark(page, 'click');
    const tableShown = await mark(page, 'tableShown');
    const listed = await responseEnd(page, 'action/list');
    return {
      afterClick: tableShown - click,
      afterAnswer: tableShown - listed,
      memory: await memory(page, session),
      transfers: [...transfers.values()],
    };
  } finally {
    await context.close();
  }
}

async function openManageInApp(page) {
  await page.getByRole('button', { name: 'More actions' }).click({ timeout: STEP_TIMEOUT_MS });
  await page.getByRole('menuitem', { name: 'Manage guest access' }).click({ timeout: STEP_TIMEOUT_MS });
}

async function openManageInBaseline(page) {
  await page.getByRole('button', { name: 'Manage guest access' }).click({ timeout: STEP_TIMEOUT_MS });
}

function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const milliseconds = (value) => `${value.toFixed(0)} ms`.padStart(9);
const kilobytes = (bytes) => `${(bytes / 1000).toFixed(1)} KB`.padStart(10);

/** Prints the requests of one first load with their bytes on the wire. */
function printTransfers(title, transfers) {
  console.log(`\n${title}: bytes on the wire, headers included`);
  let total = 0;
  for (const { url, encoding, bytes } of transfers) {
    // A guest link's token stays out of the output.
    const path = new URL(url).pathname.replace(/^\/guest\/.+/, '/guest/<token>');
    console.log(`  ${path.padEnd(48)} ${(encoding || 'identity').padEnd(9)} ${kilobytes(bytes)}`);
    total += bytes;
  }
  console.log(`  ${'total'.padEnd(48)} ${''.padEnd(9)} ${kilobytes(total)}`);
}

function printRow(label, app, baseline) {
  const ratio = baseline ? `${(app / baseline).toFixed(2)}x`.padStart(8) : '';
  console.log(`  ${label.padEnd(34)} ${milliseconds(app)} ${baseline ? milliseconds(baseline) : ''.padStart(9)} ${ratio}`);
}

async function measureProfile(browser, origin, guestPath, profile, runs) {
  const app = { guest: [], media: [] };
  const baseline = { guest: [], media: [] };
  const guestUrl = `${origin}${guestPath}`;
  const token = guestPath.split('/').pop();
  const appMedia = `${origin}/media/${DEMO_ENTRY}`;
  const baselineGuest = `${origin}/baseline.html#guest=${token}`;
  const baselineMedia = `${origin}/baseline.html#media=${DEMO_ENTRY}`;
  for (let run = 0; run < runs; run += 1) {
    // Interleaved, so a slow moment of the machine hits both sides alike.
    app.guest.push(await guestRun(browser, profile, guestUrl));
    baseline.guest.push(await guestRun(browser, profile, baselineGuest));
    app.media.push(await mediaRun(browser, profile, appMedia, openManageInApp));
    baseline.media.push(await mediaRun(browser, profile, baselineMedia, openManageInBaseline));
    process.stdout.write(`\r  ${profile.name}: run ${run + 1} of ${runs}`);
  }
  process.stdout.write('\n');
  const pick = (results, field) => median(results.map((result) => field(result)));
  console.log(`\n${profile.name}: medians of ${runs} runs, each in a fresh context (empty cache)`);
  console.log(`  ${''.padEnd(34)} ${'app'.padStart(9)} ${'baseline'.padStart(9)} ${'ratio'.padStart(8)}`);
  printRow('Guest form ready', pick(app.guest, (r) => r.formReady), pick(baseline.guest, (r) => r.formReady));
  printRow('  resolve response ended', pick(app.guest, (r) => r.resolved), pick(baseline.guest, (r) => r.resolved));
  printRow('Link table after the click', pick(app.media, (r) => r.afterClick), pick(baseline.media, (r) => r.afterClick));
  printRow('Link table after the response', pick(app.media, (r) => r.afterAnswer), pick(baseline.media, (r) => r.afterAnswer));
  const frames = pick(app.media, (r) => r.afterAnswer) / FRAME_MS;
  console.log(`  The app's table shows ${frames.toFixed(1)} frames (of ${FRAME_MS.toFixed(1)} ms) after the list response.`);
  return { app, baseline };
}

function printMemory(results) {
  const pick = (list, field) => median(list.map((result) => result.memory[field]));
  console.log(`\nMemory after each flow, garbage collected first (medians, ${PROFILES[0].name})`);
  console.log(`  ${''.padEnd(34)} ${'JS heap'.padStart(10)} ${'wasm'.padStart(10)}`);
  for (const [label, list] of [
    ['App, guest form', results.app.guest],
    ['App, link table', results.app.media],
    ['Baseline, guest form', results.baseline.guest],
    ['Baseline, link table', results.baseline.media],
  ]) {
    console.log(`  ${label.padEnd(34)} ${kilobytes(pick(list, 'heap'))} ${kilobytes(pick(list, 'wasm'))}`);
  }
}

async function main() {
  const options = parseArguments();
  const { child, origin: starting } = startStandIn(options.site);
  let browser;
  try {
    const origin = await starting;
    const guestPath = (await guestLinkPath(origin)).pathname;
    browser = await chromium.launch({ ...CHROMIUM_LAUNCH, headless: true });
    const cpu = os.cpus();
    console.log(`Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}; Chromium ${browser.version()}`);
    const results = [];
    for (const profile of PROFILES) {
      results.push(await measureProfile(browser, origin, guestPath, profile, options.runs));
    }
    printTransfers('App, guest page, first load', results[0].app.guest[0].transfers);
    printTransfers('App, media page and link table, first load', results[0].app.media[0].transfers);
    printTransfers('Baseline, guest page, first load', results[0].baseline.guest[0].transfers);
    printMemory(results[0]);
  } finally {
    await browser?.close();
    child.kill();
  }
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
