// The exercises in the built book (book/html) in headless chromium: every exercise page's
// solutions are hidden until the reader opens them, visible when opened, and Run on a starter
// sends the code as edited, starter plus tests, to the playground's test mode (mocked here:
// nothing leaves 127.0.0.1). The book's other checks are in book.test.mjs.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const site = path.join(root, 'book/html');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const exercisePages = [...fs.readFileSync(path.join(root, 'src/SUMMARY.md'), 'utf8').matchAll(/\]\(([^)]*exercises[^)]*)\.md\)/g)]
    .map(match => `${match[1]}.html`);

// The exercise kind's marker and label, from the model the pages are labelled from.
const EXERCISE = JSON.parse(execFileSync(process.env.CARGO ?? 'cargo',
    ['run', '--quiet', '--package', 'mdbook-listings', '--', 'kinds'], { cwd: root, encoding: 'utf8' }))
    .find(kind => kind.name === 'exercise');

let server;
let base;
let browser;

before(async () => {
    assert.ok(fs.existsSync(path.join(site, 'index.html')), `${site} has no built book: run \`cargo xtask test\``);
    server = http.createServer((request, response) => {
        const file = path.join(site, decodeURIComponent(new URL(request.url, 'http://x').pathname));
        if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
            response.writeHead(404).end('not found');
            return;
        }
        const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
        response.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
        fs.createReadStream(file).pipe(response);
    });
    await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}/`;
    browser = await chromium.launch({
        executablePath: chromiumPath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
});

after(async () => {
    await browser?.close();
    server?.close();
});

/** Opens a page with the playground mocked; `runs` collects what Run sent. */
async function open(name, width = 1280) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const runs = [];
    const errors = [];
    await context.route('**/*', route => {
        const url = route.request().url();
        if (url.startsWith(base)) {
            return route.continue();
        }
        if (url === 'https://play.rust-lang.org/execute') {
            runs.push(JSON.parse(route.request().postData()));
            return route.fulfill({ json: { success: true, stdout: 'test result: ok. (mocked playground)', stderr: '' } });
        }
        if (url === 'https://play.rust-lang.org/meta/crates') {
            return route.fulfill({ json: { crates: [] } });
        }
        return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', error => errors.push(error.message));
    await page.goto(base + name, { waitUntil: 'load' });
    return { page, runs, errors, close: () => context.close() };
}

test('the book has exercise pages, linked from the table of contents', () => {
    assert.ok(exercisePages.length > 0, 'src/SUMMARY.md links no exercises page');
});

test('every starter carries the exercise marker, its report the exercise label, its solution the solution ones', async () => {
    assert.ok(EXERCISE, 'the model has an exercise kind');
    for (const name of exercisePages) {
        const { page, close } = await open(name);
        const markers = page.locator('.listing-marker.marker-exercise');
        assert.ok(await markers.count() > 0, `${name}: no exercise marker`);
        assert.equal(await markers.first().innerText(), EXERCISE.marker);
        assert.equal(await page.locator('.output-label.label-exercise').first().innerText(), EXERCISE.label);
        assert.equal(await page.locator('details.solution .listing-marker.marker-solution').count(), await markers.count(), `${name}: a solution marker per exercise`);
        assert.equal(await page.locator('details.solution .output-label.label-solution').count(), await markers.count(), `${name}: a solution report per exercise`);
        await close();
    }
});

test('solutions are hidden until opened, and visible when opened', async () => {
    for (const name of exercisePages) {
        for (const width of [1280, 390]) {
            const { page, errors, close } = await open(name, width);
            const solutions = page.locator('details.solution');
            const count = await solutions.count();
            assert.ok(count > 0, `${name}: no <details class="solution">`);
            for (let i = 0; i < count; i++) {
                const details = solutions.nth(i);
                const code = details.locator('pre code').first();
                assert.equal(await details.getAttribute('open'), null, `${name}: solution ${i + 1} starts open`);
                assert.equal(await code.isVisible(), false, `${name}: solution ${i + 1} is visible before it is opened`);
                await details.locator('summary').click();
                assert.equal(await code.isVisible(), true, `${name}: solution ${i + 1} stays hidden when opened`);
                assert.match(await code.innerText(), /#\[cfg\(test\)\]/, `${name}: solution ${i + 1} lacks its tests`);
            }
            assert.deepEqual(errors, [], `${name}: ${errors.join('; ')}`);
            await close();
        }
    }
});

test('Run on a starter sends the edited starter plus its tests to the playground\'s test mode', async () => {
    for (const name of exercisePages) {
        const { page, runs, close } = await open(name);
        const starters = page.locator('.marker-exercise + pre');
        const count = await starters.count();
        assert.ok(count > 0, `${name}: no exercise starter`);
        for (let i = 0; i < count; i++) {
            const pre = starters.nth(i);
            const code = pre.locator('code').first();
            const before = await code.innerText();
            assert.match(before, /#\[cfg\(test\)\]/, `${name}: starter ${i + 1} does not show its tests`);
            // A reader's edit: typed keys arrive in the code (s, / and ? are mdBook shortcuts).
            await code.click();
            await page.keyboard.press('Control+End');
            await page.keyboard.type('\n// s/? edited');
            await pre.locator('.exercise-run').click();
            await page.waitForFunction(p => p.querySelector('.result')?.textContent.includes('mocked playground'), await pre.elementHandle());
            const sent = runs.at(-1);
            assert.equal(sent.tests, true, `${name}: Run did not ask for the tests`);
            assert.equal(sent.crateType, 'lib');
            assert.ok(sent.code.includes('#[cfg(test)]') && sent.code.startsWith(before.trimEnd()), `${name}: Run did not send starter plus tests`);
            assert.ok(sent.code.trimEnd().endsWith('// s/? edited'), `${name}: the edit did not reach the code sent`);
        }
        assert.equal(runs.length, count);
        await close();
    }
});
