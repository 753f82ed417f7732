// The one browser every step in tests/browser starts (postbuild, the suite, the screenshots):
// Debian's chromium-headless-shell, chromium's old headless mode, the one Playwright itself runs
// headless. The suite took 247 CPU-seconds in the new headless mode of the full browser and 186
// in this one (postbuild 66 and 41), with the same pages, diagrams and search index.

import { chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium-headless-shell';
export const INSTALL = 'apt-get install chromium-headless-shell fonts-liberation fonts-noto-color-emoji';

/** Starts the browser. */
export const launch = () => chromium.launch({
    executablePath: chromiumPath,
    args: [
        '--no-sandbox', '--disable-gpu',
        // Nothing leaves the machine: without these, chromium tries Google's hosts at start.
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        // The headless shell hints fonts, rounding each glyph's advance to whole pixels, so text
        // was wider than in a reader's browser (a 98-column output 706 px instead of 696, over
        // the printed page's width).
        '--font-render-hinting=none',
    ],
});
