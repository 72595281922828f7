import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`): tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Real headless Chromium driven by playwright-core. The background-networking flags keep it
 * from calling out to Google's hosts, which this machine's closed network refuses.
 */
export const launchChromium = (): Promise<Browser> => {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
};
