// How the end-to-end tests and the benchmark start Chromium: Debian's own, headless,
// with nothing that reaches the network on its own. Playwright never downloads a browser.
export const CHROMIUM_LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
