// The listings on a page: Run and Copy take the whole program, typed keys reach the code,
// every kind is marked and every output labelled, every listing is captioned with its download,
// cited lines are numbered, and offline Run points at the verified output.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { KINDS, MOCK_RESULT, RUNNABLE, base, diagramsDrawn, html, listingSources, open, root, site } from '../support.mjs';

export default function () {
    describe('listings', { concurrency: true }, () => {
        test('Run sends the whole listing, hidden lines included, and shows the result', async () => {
            const { page, seen, close } = await open('ch01-smart-pointers.html');
            try {
                const block = page.locator('pre.playground').filter({ has: page.locator(RUNNABLE) }).first();
                // mdBook shows a block's buttons while the pointer is over it.
                await block.hover();
                await block.locator('.play-button').click();
                await block.locator('.result').filter({ hasText: MOCK_RESULT }).waitFor({ timeout: 10000 });
                assert.equal(seen.runs.length, 1, 'one request to the playground');
                const sent = seen.runs[0].code.trim();
                assert.match(sent, /fn main\(\)/, 'the hidden lines (fn main) are sent');
                const listing = listingSources().find(source => source === sent);
                assert.ok(listing, `the code sent is exactly one listing's source:\n${sent}`);
                assert.equal(seen.runs[0].edition, '2024');
            } finally {
                await close();
            }
        });

        test('Copy copies the whole program, hidden lines included, and what the reader typed', async () => {
            const { page, close } = await open('ch01-smart-pointers.html');
            try {
                await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
                // The first listing whose hidden lines include fn main: the reader sees a fragment.
                const block = page.locator('pre.playground').filter({ has: page.locator('.boring') }).first();
                const copy = async () => {
                    await block.hover();
                    await block.locator('.clip-button').click();
                    await block.locator('.clip-button.tooltipped').waitFor({ timeout: 5000 });
                    return page.evaluate(() => navigator.clipboard.readText());
                };
                const copied = await copy();
                assert.ok(listingSources().includes(copied.trim()), `the copy is exactly one listing's source:\n${copied}`);
                assert.match(copied, /fn main\(\)/);
                await block.locator('code').first().click();
                await page.keyboard.press('Home');
                await page.keyboard.type('/* edited */ ');
                assert.match(await copy(), /\/\* edited \*\/ /, 'the copy holds the edit');
            } finally {
                await close();
            }
        });

        test('keys typed into a listing reach the code (not the book\'s shortcuts) and Run sends them', async () => {
            const start = 'ch01-smart-pointers.html';
            const { page, seen, close } = await open(start);
            try {
                const block = page.locator('pre.playground').filter({ has: page.locator(RUNNABLE) }).first();
                const code = block.locator('code').first();
                await code.click();
                await page.keyboard.press('Home');
                // s and / open search, ? opens help, ← and → go to another chapter in mdBook.
                await page.keyboard.type('/* s/?ab');
                await page.keyboard.press('ArrowLeft');
                await page.keyboard.type('X');
                await page.keyboard.press('ArrowRight');
                await page.keyboard.type(' */ ');
                assert.equal(page.url(), base + start, 'still on the page, search not started');
                assert.equal(await page.locator('#mdbook-searchbar').isVisible(), false, 'search did not open');
                assert.equal(await page.locator('#mdbook-help-container').isVisible(), false, 'help did not open');
                // Ctrl+Enter runs the listing, like the Run button.
                await page.keyboard.press('Control+Enter');
                await block.locator('.result').filter({ hasText: MOCK_RESULT }).waitFor({ timeout: 10000 });
                assert.equal(seen.runs.length, 1, 'one request to the playground');
                assert.ok(seen.runs[0].code.includes('/* s/?aXb */ '), `the typed text arrives:\n${seen.runs[0].code}`);
                assert.match(seen.runs[0].code, /fn main\(\)/, 'with the hidden lines');
            } finally {
                await close();
            }
        });

        test('every kind is marked, every output labelled, and failing kinds have no Run button', async () => {
            const { page, close } = await open('ch01-smart-pointers.html');
            try {
                assert.equal(KINDS.length, 8, 'the model names eight kinds');
                // Exercises live on their own pages: checks/exercises.mjs checks their marker and label.
                for (const kind of KINDS.filter(k => k.marker && k.name !== 'exercise')) {
                    const marker = page.locator(`.listing-marker.marker-${kind.class}`).first();
                    assert.equal(await marker.innerText(), kind.marker, `a ${kind.name} marker`);
                    assert.ok(await page.locator(`.output-label.label-${kind.class}`).count() > 0, `a ${kind.name} output label`);
                }
                assert.match(await page.locator('.output-label.label-deadlock').first().innerText(), /^No further output — the program is stuck; stopped after \d+(\.\d+)? s$/);
                const compileFail = page.locator('.marker-compile-fail + pre').first();
                assert.equal(await compileFail.locator(RUNNABLE).count(), 1, 'a compile-fail listing can be run to see the error');
                assert.equal(await compileFail.locator('code').getAttribute('contenteditable'), 'plaintext-only', 'and edited');
                const notRun = KINDS.filter(k => k.attribute === 'no_run');
                assert.deepEqual(notRun.map(k => k.name), ['deadlock', 'leak', 'crash']);
                for (const kind of notRun) {
                    const code = page.locator(`.marker-${kind.class} + pre`).first();
                    assert.equal(await code.locator(RUNNABLE).count(), 0, `${kind.name} listings are not runnable`);
                }
            } finally {
                await close();
            }
        });

        // The table that teaches the markers and labels holds the words the pages show.
        test('the introduction explains every kind of listing in the words its pages use', () => {
            const cell = text => text.replace(/<[^>]+>/g, '').trim();
            const rows = [...html('introduction.html').matchAll(/<tr>\s*<td>(.*?)<\/td>\s*<td>(.*?)<\/td>/g)]
                .map(([, marker, label]) => `${cell(marker)} | ${cell(label)}`);
            for (const kind of KINDS) {
                const row = `${kind.marker ?? '(none)'} | ${kind.label.replace(/\d+(\.\d+)? s$/, 'N s')}`;
                assert.ok(rows.includes(row), `the introduction's table has no row "${row}": ${JSON.stringify(rows)}`);
            }
            assert.ok(rows.includes('(none) | Output, then valgrind’s leak summary'), `a row for a shown leak summary: ${JSON.stringify(rows)}`);
        });

        test('every listing has a caption numbered in order, with its file, whose download is a zip', async () => {
            const name = 'ch01-smart-pointers';
            // The listings the page's Markdown shows, in order of first appearance (outputs and
            // quizzes are no listing's own block): what the captions must number.
            const markdown = fs.readFileSync(path.join(root, `src/${name}.md`), 'utf8');
            const shown = [...markdown.matchAll(/\{\{\s*#(?:rustdoc_include|include|playground)\s+\.\.\/listings\/([^/]+\/[^/]+)\/([^\s}:]+)/g)]
                .filter(([, , file]) => !/^(output|clippy)\.txt$/.test(file))
                .map(([, listing]) => listing);
            const expected = [...new Set(shown)];
            assert.ok(expected.length > 5, `the page shows listings: ${expected}`);
            const { page, close } = await open(`${name}.html`);
            try {
                const captions = await page.locator('.listing-caption').evaluateAll(all => all.map(caption => ({
                    id: caption.id,
                    text: caption.innerText,
                    number: caption.querySelector('b').innerText,
                    file: caption.querySelector('.listing-file')?.innerText,
                    href: caption.querySelector('a')?.getAttribute('href'),
                    // The block it captions comes next (after its marker and line-number elements).
                    block: (() => {
                        let next = caption.nextElementSibling;
                        while (next?.matches('.listing-lines, .listing-marker')) next = next.nextElementSibling;
                        return next?.tagName === 'PRE';
                    })(),
                })));
                const first = captions.filter(c => c.id);
                assert.deepEqual(first.map(c => c.number), expected.map((_, i) => `Listing 1-${i + 1}:`), 'numbered in order');
                assert.deepEqual(first.map(c => c.id), expected.map((_, i) => `listing-1-${i + 1}`));
                assert.deepEqual(first.map(c => c.href), expected.map(l => `listings/${l}.zip`), 'each listing once, in order of first appearance');
                for (const caption of captions) {
                    assert.match(caption.file ?? '', /^(src\/[\w/]+\.rs|Cargo\.toml)$/, `${caption.text}: names its file`);
                    assert.ok(caption.block, `${caption.text}: sits right above its block`);
                    if (!caption.id) {
                        assert.match(caption.number, /^Listing 1-\d+ \(continued\)$/, caption.text);
                    }
                }
                const response = await page.request.get(new URL(first[0].href, page.url()).href);
                assert.equal(response.status(), 200, first[0].href);
                const bytes = await response.body();
                assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', `${first[0].href} is a zip`);
                for (const caption of first.slice(1)) {
                    const head = await page.request.get(new URL(caption.href, page.url()).href);
                    assert.equal((await head.body()).subarray(0, 2).toString('latin1'), 'PK', caption.href);
                }
            } finally {
                await close();
            }
        });

        test('a listing whose output cites its lines is numbered as the whole program, hidden lines counted', async () => {
            const { page, close } = await open('ch08-interior-mutability.html');
            try {
                // The first numbered listing whose page hides some lines (shown through an anchor).
                const markers = page.locator('div.listing-lines');
                let index = -1;
                for (let i = 0; i < await markers.count(); i++) {
                    if (!(await markers.nth(i).getAttribute('data-shown')).startsWith('1-')) { index = i; break; }
                }
                assert.ok(index >= 0, 'ch08 has a partly shown listing whose output cites a line');
                const marker = markers.nth(index);
                const pre = marker.locator('xpath=following-sibling::pre[1]');
                const gutter = pre.locator('.line-numbers');
                const numbers = async () => (await gutter.innerText()).split('\n').map(Number);
                const [first, last] = (await marker.getAttribute('data-shown')).split('-').map(Number);
                const collapsed = await numbers();
                assert.equal(collapsed[0], first, 'collapsed, the first visible line keeps its number');
                assert.equal(collapsed.at(-1), last);
                // The line the verified output cites is one the reader can find by its number.
                const output = await pre.locator('xpath=following::code[contains(@class, "language-text")][1]').innerText();
                const cited = Number(output.match(/src\/main\.rs:(\d+)/)[1]);
                assert.ok(collapsed.includes(cited), `line ${cited} is numbered on the page (${collapsed})`);
                await pre.hover();
                await pre.locator('button[title="Show hidden lines"]').click();
                const expanded = await numbers();
                assert.equal(expanded[0], 1, 'expanded, numbering starts at line 1');
                assert.equal(expanded.length, Number(await marker.getAttribute('data-total')));
            } finally {
                await close();
            }
        });

        test('without a network the Run buttons still appear, Run says the playground is unreachable and points at the verified output, and nothing is uncaught', async () => {
            // Opened from the files, with every request refused: a reader offline.
            const { page, seen, close } = await open('ch01-smart-pointers.html', { url: `file://${site}/ch01-smart-pointers.html`, offline: true });
            const uncaught = () => seen.errors.filter(error => error.startsWith('uncaught:'));
            try {
                await page.locator(RUNNABLE).first().waitFor({ state: 'attached', timeout: 10000 });
                await diagramsDrawn(page);
                // Run says the playground is unreachable and points at the verified output.
                const block = page.locator('pre.playground').filter({ has: page.locator(RUNNABLE) }).first();
                await block.hover();
                await block.locator('.play-button').click();
                const result = block.locator('.result');
                await result.filter({ hasText: 'could not be reached' }).waitFor({ timeout: 10000 });
                const text = await result.innerText();
                assert.doesNotMatch(text, /Playground Communication/, text);
                assert.match(text, /play\.rust-lang\.org.*offline/, text);
                const target = await result.locator('a').getAttribute('href');
                assert.ok(target?.startsWith('#'), `a link to the output: ${target}`);
                const label = page.locator(target);
                assert.match(await label.getAttribute('class'), /output-label/);
                // The output pointed at is the one that follows this listing.
                assert.ok(await block.evaluate((pre, id) => {
                    let next = pre.nextElementSibling;
                    while (next && !next.classList.contains('output-label')) next = next.nextElementSibling;
                    return next?.id === id;
                }, target.slice(1)), 'the next output on the page');
                await result.locator('a').click();
                await page.waitForFunction(id => location.hash === `#${id}`, target.slice(1));
                assert.deepEqual(uncaught(), []);
            } finally {
                await close();
            }
        });
    });
}
