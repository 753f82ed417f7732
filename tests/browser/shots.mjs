// Screenshots of the built book for people to look at (`cargo xtask shots [PAGE...]`): every
// page, or the ones named, full length at 1280 px and at 390 px (a phone, touch), in light and
// navy, as PNG in target/browser-shots/: cut into tiles two screens high, numbered from the top,
// because a whole chapter at 390 px is 25,000 px tall, too tall for an image viewer. Not a test: the browser suite checks what it can;
// these are for the eyes of an author or a reviewer.

import fs from 'node:fs';
import path from 'node:path';

import { onPage, pages, root, settled, start, stop } from './support.mjs';

const shots = path.join(root, 'target/browser-shots');
const wanted = process.argv.slice(2).map(name => (name.endsWith('.html') ? name : `${name}.html`));
const unknown = wanted.filter(name => !pages.includes(name));
if (unknown.length > 0) {
    console.error(`shots: no such page in src/SUMMARY.md: ${unknown.join(', ')} (pages: ${pages.join(', ')})`);
    process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });
await start();
try {
    for (const old of fs.readdirSync(shots).filter(file => file.endsWith('.png'))) {
        fs.rmSync(path.join(shots, old));
    }
    const jobs = [];
    for (const name of wanted.length > 0 ? wanted : pages) {
        for (const [width, height, touch] of [[1280, 900, false], [390, 844, true]]) {
            for (const theme of ['light', 'navy']) {
                const stem = path.join(shots, `${name.replace('.html', '')}-${width}-${theme}`);
                jobs.push(onPage(name, { theme, width, height, touch }, async ({ page }) => {
                    // A chapter's quiz loads when the reader nears it, and a full-page shot makes
                    // the whole page near: it would load (and change the page's height) midway.
                    // It is loaded first, as a reader reaching the end sees it.
                    const quiz = page.locator('.quiz-placeholder');
                    if (await quiz.count()) {
                        await quiz.scrollIntoViewIfNeeded();
                        await page.locator('.mdbook-quiz').waitFor({ timeout: 15000 });
                        await page.evaluate(() => window.scrollTo(0, 0));
                    }
                    // The table of contents slides into place as the page starts.
                    await settled(page);
                    const total = await page.evaluate(() => document.scrollingElement.scrollHeight);
                    const tile = 2 * height;
                    const files = [];
                    for (let y = 0, n = 1; y < total; y += tile, n++) {
                        const file = `${stem}-${String(n).padStart(2, '0')}.png`;
                        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y, width, height: Math.min(tile, total - y) } });
                        files.push(file);
                    }
                    return files;
                }));
            }
        }
    }
    const files = (await Promise.all(jobs)).flat();
    console.log(`shots: ${files.length} screenshots in ${path.relative(root, shots)}/`);
} finally {
    await stop();
}
