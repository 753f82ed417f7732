// What every browser test shares: the built book served on 127.0.0.1, one chromium for the
// whole suite (`start()`, `stop()`), and `open()`, which gives each test a fresh context with the
// playground mocked and a record of what the page did wrong. The suite is one process
// (book.test.mjs imports every part), so one browser serves all of them; `open()` lets at most `SLOTS` pages work at
// once, so the tests can all be started together and the cores stay busy without thrashing.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { INSTALL, chromiumPath, launch } from './chromium.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const site = path.join(root, 'book/html');

// Every page the reader can reach from the table of contents (drafts have no file yet).
export const pages = [...fs.readFileSync(path.join(root, 'src/SUMMARY.md'), 'utf8').matchAll(/\]\(([^)]+)\.md\)/g)]
    .map(match => `${match[1]}.html`);
// Chapters end with a quiz; their exercise pages (chNN-exercises) do not.
export const chapters = pages.filter(page => /^ch\d\d-/.test(page) && !page.endsWith('-exercises.html'));
export const exercisePages = pages.filter(page => page.endsWith('-exercises.html'));

// What each kind of listing means on a page, from the model the pages are labelled from
// (crates/book-listings via `mdbook-listings kinds`), not a second copy of the list.
// `cargo xtask test` hands it over in LISTING_KINDS, because the suite runs while the listing
// phases' cargo holds the build directory (a `cargo run` here would wait for it).
export const KINDS = (() => {
    const given = process.env.LISTING_KINDS;
    if (given === undefined) {
        return JSON.parse(execFileSync(process.env.CARGO ?? 'cargo',
            ['run', '--quiet', '--package', 'mdbook-listings', '--', 'kinds'], { cwd: root, encoding: 'utf8' }));
    }
    try {
        const kinds = JSON.parse(given);
        assert.ok(Array.isArray(kinds) && kinds.every(kind => typeof kind.name === 'string'));
        return kinds;
    } catch {
        console.error(`LISTING_KINDS is not the kind table \`cargo run -p mdbook-listings -- kinds\` prints: ${given.slice(0, 80)}`);
        process.exit(2);
    }
})();

export const MOCK_RESULT = 'mocked playground output';
export const MOCK_TEST_RESULT = 'test result: ok. (mocked playground)';
// mdBook adds Run buttons hidden and shows them once it knows the playground can run the code.
export const RUNNABLE = '.play-button:not([hidden]):not(.hidden)';

// Pages working at once. Each is a chromium renderer busy with layout and axe: one per core
// keeps both cores busy; more only makes every page slower (measured: README, browser suite).
export const SLOTS = Math.max(1, os.availableParallelism());

let server;
export let base;
let browser;

/** Serves book/html and starts chromium: once, before anything is opened. */
export async function start() {
    assert.ok(fs.existsSync(path.join(site, 'index.html')), `${site} has no built book: run \`cargo xtask test\``);
    assert.ok(fs.existsSync(chromiumPath), `${chromiumPath} is missing: ${INSTALL}`);
    server = http.createServer(serveFile);
    await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}/`;
    browser = await launch();
}

export async function stop() {
    await browser?.close();
    server?.close();
}

const TYPES = {
    '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
    '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff',
    '.json': 'application/json', '.ttf': 'font/ttf', '.txt': 'text/plain', '.toml': 'text/plain',
    '.pdf': 'application/pdf', '.zip': 'application/zip',
};

function serveFile(request, response) {
    const url = new URL(request.url, 'http://x');
    let file = path.join(site, decodeURIComponent(url.pathname));
    if (!file.startsWith(site)) {
        response.writeHead(403).end();
        return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
        file = path.join(file, 'index.html');
    }
    if (!fs.existsSync(file)) {
        response.writeHead(404).end('not found');
        return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
}

// The slots: `open()` waits for one, `close()` gives it back. A test holds one page at a time.
let busy = 0;
const waiting = [];
async function takeSlot() {
    if (busy < SLOTS) {
        busy++;
        return;
    }
    await new Promise(resolve => waiting.push(resolve));
}
function giveSlot() {
    const next = waiting.shift();
    if (next) {
        next();
    } else {
        busy--;
    }
}

// Browser contexts are reused. A new context costs chromium a renderer process and cold
// caches: about 1 of the 1.9 CPU-seconds a chapter's first load took (measured), where a new
// page in a used context takes 0.9. So a test gets a context no other test is using, with the
// site's storage cleared (the theme, quiz answers and sidebar state a page keeps there), and its
// own page-level init script and routes: what it sees is a first visit, apart from the HTTP cache
// (what a page weighs is read from the page's own account of its files, the same either way).
// A context's options are fixed when it is made, so the idle ones are kept by those options.
const idle = new Map();

/** A new context with a page's options that cannot change once it is made. */
const newContext = (javaScript, touch) => browser.newContext({
    javaScriptEnabled: javaScript, ...(touch ? { hasTouch: true, isMobile: true } : {}),
});

async function takeContext(javaScript, touch) {
    const key = `${javaScript} ${touch}`;
    const context = idle.get(key)?.pop() ?? await newContext(javaScript, touch);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', {
        origin: new URL(base).origin, storageTypes: 'cookies,local_storage,session_storage,indexeddb,cache_storage,service_workers',
    });
    await cdp.detach();
    const give = async () => {
        await page.close();
        idle.get(key) ?? idle.set(key, []);
        idle.get(key).push(context);
    };
    return { page, give };
}

/**
 * Opens a page as a first visit (own storage, so the theme is the one asked for) and
 * records what the page does wrong: console errors, uncaught exceptions, outside requests.
 * Nothing leaves 127.0.0.1: the playground's Run is mocked (`seen.runs` holds what Run sent),
 * every other outside request is refused and recorded in `seen.outside` (its crate list too:
 * a page answers that itself, theme/head.hbs). With `weigh`, `seen.bytes`
 * and `seen.files` say what the page fetched until the network was idle. `url` opens something
 * other than the suite's server (e.g. a file: URL, whose storage is not cleared: such a page
 * gets a context of its own); `offline` refuses every request instead.
 */
export async function open(name, { theme = 'light', weigh = false, width = 1280, height = 900, javaScript = true, touch = false, url, offline = false } = {}) {
    await takeSlot();
    let page, give;
    try {
        if (url) {
            const context = await newContext(javaScript, touch);
            page = await context.newPage();
            give = () => context.close();
        } else {
            ({ page, give } = await takeContext(javaScript, touch));
        }
    } catch (error) {
        giveSlot();
        throw error;
    }
    let closed = false;
    const close = async () => {
        if (!closed) {
            closed = true;
            try {
                await give();
            } finally {
                giveSlot();
            }
        }
    };
    try {
        await page.setViewportSize({ width, height });
        await page.addInitScript(t => localStorage.setItem('mdbook-theme', t), theme);
        const seen = { errors: [], outside: [], runs: [], bytes: 0, files: new Map() };
        await page.route('**/*', async route => {
            const target = route.request().url();
            if (offline) {
                return target.startsWith('file:') ? route.continue() : route.abort();
            }
            if (target.startsWith(base) || (url && target.startsWith('file:'))) {
                return route.continue();
            }
            if (target === 'https://play.rust-lang.org/evaluate.json') {
                seen.runs.push(JSON.parse(route.request().postData()));
                return route.fulfill({ json: { result: MOCK_RESULT, error: null } });
            }
            if (target === 'https://play.rust-lang.org/execute') {
                seen.runs.push(JSON.parse(route.request().postData()));
                return route.fulfill({ json: { success: true, stdout: MOCK_TEST_RESULT, stderr: '' } });
            }
            seen.outside.push(target);
            return route.abort();
        });
        page.on('console', message => message.type() === 'error' && seen.errors.push(message.text()));
        page.on('pageerror', error => seen.errors.push(`uncaught: ${error.message}`));
        await page.goto(url ?? base + name, { waitUntil: 'load' });
        if (weigh) {
            await page.waitForLoadState('networkidle');
            // The page's own account of every file it fetched, uncompressed (decodedBodySize).
            const files = await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                .map(entry => [new URL(entry.name).pathname.slice(1), entry.decodedBodySize]));
            for (const [file, bytes] of files) {
                seen.bytes += bytes;
                seen.files.set(file, (seen.files.get(file) ?? 0) + bytes);
            }
        }
        return { page, seen, close };
    } catch (error) {
        await close();
        throw error;
    }
}

/** Runs `check` on a page opened with `options`, closing it however `check` ends. */
export async function onPage(name, options, check) {
    const opened = await open(name, options);
    try {
        return await check(opened);
    } finally {
        await opened.close();
    }
}

/** A built page's HTML, as served. */
export const html = name => fs.readFileSync(path.join(site, name), 'utf8');

/**
 * The page's diagrams, drawn when the book was built (tests/browser/postbuild.mjs): no mermaid
 * source is left and each diagram shows one SVG. Returns how many there are.
 */
export async function diagramsDrawn(page) {
    assert.equal(await page.locator('pre.mermaid').count(), 0, 'every diagram was drawn when the book was built');
    const shown = await page.locator('div.diagram').evaluateAll(boxes => boxes.map(box =>
        [...box.querySelectorAll(':scope > svg')].filter(svg => getComputedStyle(svg).display !== 'none').length));
    assert.ok(shown.every(n => n === 1), `each diagram shows one drawing: ${shown}`);
    // mermaid sizes a sequence diagram's note by the participants it spans, not by its text.
    const spilling = await page.locator('div.diagram').evaluateAll(boxes => boxes.flatMap(box => {
        const svg = [...box.querySelectorAll(':scope > svg')].find(s => getComputedStyle(s).display !== 'none');
        return [...svg.querySelectorAll('rect.note')].flatMap(note => {
            const around = note.getBBox();
            return [...note.parentElement.querySelectorAll('text.noteText')]
                .filter(text => { const b = text.getBBox(); return b.x < around.x - 1 || b.x + b.width > around.x + around.width + 1; })
                .map(text => `${box.getAttribute('aria-label')}: "${text.textContent}"`);
        });
    }));
    assert.deepEqual(spilling, [], 'a note\'s text runs out of its box: break it with <br/>');
    return shown.length;
}

// Text in a diagram is at least this big on the screen (CSS px), at every width: a diagram
// wider than the column scrolls in its box instead.
const MIN_DIAGRAM_TEXT = 12;

/** The smallest diagram text as drawn on the screen now, and whether the page scrolls sideways. */
async function diagramText(page) {
    return page.evaluate(() => {
        let smallest = Infinity;
        let where = null;
        for (const svg of document.querySelectorAll('div.diagram > svg')) {
            if (getComputedStyle(svg).display === 'none') continue;
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            for (const element of svg.querySelectorAll('text, tspan, foreignObject *')) {
                if (element.textContent.trim() === '' || element.children.length > 0) continue;
                const size = parseFloat(getComputedStyle(element).fontSize) * scale;
                if (size < smallest) {
                    smallest = size;
                    where = `${svg.closest('.diagram').getAttribute('aria-label')}: "${element.textContent.trim().slice(0, 40)}"`;
                }
            }
        }
        const sideways = document.scrollingElement.scrollWidth > window.innerWidth;
        return { smallest, where, sideways };
    });
}

export async function assertDiagramsReadable(page, name, when) {
    const { smallest, where, sideways } = await diagramText(page);
    assert.ok(smallest >= MIN_DIAGRAM_TEXT - 0.01, `${name} at ${when}: diagram text drawn at ${smallest.toFixed(1)} px (${where})`);
    assert.equal(sideways, false, `${name} at ${when}: the page scrolls sideways`);
}

/**
 * Waits for the page's CSS transitions to end (the table of contents sliding shut when the
 * window narrows squeezes the text column meanwhile). Scroll-driven animations never end and
 * are left out.
 */
export const settled = page => page.waitForFunction(() => document.getAnimations()
    .every(animation => animation.timeline !== document.timeline || animation.playState !== 'running'));

/**
 * Inline code (not a quiz's, which mdbook-quiz renders) breaks only where the book lets it
 * (crates/book-listings/src/inline_code.rs, theme/reader.css): only code marked `wrap` (long
 * code, and code with a space in a table) breaks, and only after a space or at a `<wbr>`; no
 * code sticks out of the text column.
 */
export async function assertInlineCodeBreaks(page, when) {
    const bad = await page.evaluate(() => {
        const out = [];
        const column = document.querySelector('#mdbook-content main').getBoundingClientRect();
        for (const code of document.querySelectorAll('main code')) {
            if (code.closest('pre, .mdbook-quiz')) continue;
            const text = code.textContent;
            // One box per line the code is on.
            const lines = [...code.getClientRects()].filter(r => r.width > 0);
            // A table wider than the column scrolls in its own box (and fades where more is).
            if (!code.closest('.table-wrapper') && lines.some(r => r.right > column.right + 1)) out.push(`\`${text}\` sticks out of the text column`);
            if (lines.length < 2) continue;
            // In a table too: there code with a space is marked `wrap` whatever its length.
            if (!code.classList.contains('wrap')) {
                out.push(`\`${text}\` breaks across ${lines.length} lines, but only code marked \`wrap\` (long code, or code with a space in a table) may`);
                continue;
            }
            // Each line's first character: lower than the character before it. `wrap` code
            // breaks only after a space or at a <wbr>.
            const walker = document.createTreeWalker(code, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
            let before = null;
            let offset = 0;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (node.nodeType !== Node.TEXT_NODE) {
                    before = node.nodeName === 'WBR' ? null : before;
                    continue;
                }
                for (let i = 0; i < node.length; i++, offset++) {
                    const range = document.createRange();
                    range.setStart(node, i);
                    range.setEnd(node, i + 1);
                    const box = [...range.getClientRects()].find(r => r.width > 0);
                    const char = node.data[i];
                    // A space a line ends with is collapsed: no box, but no word goes on over it.
                    if (!box) {
                        before = before && { box: before.box, char };
                        continue;
                    }
                    const wrapped = before && box.top > before.box.top + 2;
                    if (wrapped && before?.char !== ' ') {
                        out.push(`\`${text}\` breaks inside a word: "${text.slice(Math.max(0, offset - 12), offset)}" / "${text.slice(offset, offset + 12)}"`);
                    }
                    before = { box, char };
                }
            }
        }
        return out;
    });
    assert.deepEqual(bad, [], `inline code at ${when}`);
}

/**
 * The page's own words use typographic quotes, as mdBook's smart punctuation writes the prose:
 * no straight ' or " in the text of `main` outside code, diagrams and the quiz (mdbook-quiz's
 * own). What the book writes as HTML itself (captions, labels, the quiz's notes) bypasses
 * smart punctuation, and once showed "Clippy's findings" beside "valgrind’s leak summary".
 */
export async function assertTypographicQuotes(page) {
    const straight = await page.evaluate(() => {
        const out = [];
        const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest('code, pre, svg, script, style, .mdbook-quiz')) continue;
            const at = node.data.search(/['"]/);
            if (at >= 0) out.push(`"${node.data.slice(Math.max(0, at - 25), at + 25).trim()}"`);
        }
        return out;
    });
    assert.deepEqual(straight, [], 'straight quotes in the page\'s text (write ’ ‘ “ ”)');
}

/**
 * Every numbered listing's numbers stand beside their lines (theme/line-numbers.js): the
 * gutter's first and last numbers at the height of the code's first and last lines. The code's
 * top padding changes with the width and with the block's buttons strip, after the gutter was made.
 */
export async function assertNumbersOnTheirLines(page, when) {
    const off = await page.evaluate(() => [...document.querySelectorAll('pre.numbered')].flatMap((pre, index) => {
        const lines = element => {
            const range = document.createRange();
            range.selectNodeContents(element);
            const rects = [...range.getClientRects()].filter(rect => rect.height > 0);
            return rects.length === 0 ? null : [rects[0].top, rects.at(-1).bottom];
        };
        const numbers = lines(pre.querySelector('.line-numbers'));
        const code = lines(pre.querySelector('code'));
        if (!numbers || !code) return [];
        const [top, bottom] = [numbers[0] - code[0], numbers[1] - code[1]];
        return Math.abs(top) > 1 || Math.abs(bottom) > 1 ? [`numbered listing ${index + 1}: numbers ${top.toFixed(0)} px off at the top, ${bottom.toFixed(0)} px at the bottom`] : [];
    }));
    assert.deepEqual(off, [], `line numbers beside other lines than theirs at ${when}`);
}

// axe-core, put into a page once and run there: its own frame is all there is to check (the
// book's pages have no frames; the suite asserts it). @axe-core/playwright, which runs axe in
// every frame and merges the results in a blank page it opens for each call, doubled the time
// of each call on a chapter (2.2 s against 1.0 s).
const AXE = fs.readFileSync(path.join(root, 'tests/browser/node_modules/axe-core/axe.min.js'), 'utf8');
// The rules a theme can change: the markup is the same in every theme.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

// Checking the contrast of text was most of axe's time, and most text looks like other text: a
// chapter has ~650 elements with text (~1,600 with its code's highlighted tokens) but ~50
// different looks, and later pages add a handful. A look is what contrast depends on: the
// text's colour, size, weight, opacity and shadow, and the background colour, image and opacity
// of the element and every ancestor (in the theme the page shows, so one set serves every
// theme). axe checks the contrast of the first text of each look seen in the run and of every
// text whose look cannot be trusted to be the whole story: in a positioned, transformed,
// filtered or blended box (something may lie over or under it), or clipped by a scrolling box
// (axe skips what is out of sight, so it would not have been checked). A look is remembered
// only after axe found nothing on its page.
const looksChecked = new Set();

/**
 * Marks (`data-contrast-check`) the text elements of the page whose contrast axe must check,
 * given the looks already checked; returns the looks it marked that count as checked if axe
 * passes them. Runs in the page.
 */
function markTextToCheck(checked) {
    const known = new Set(checked);
    const fresh = [];
    document.querySelectorAll('[data-contrast-check]').forEach(element => element.removeAttribute('data-contrast-check'));
    const moved = style => style.transform !== 'none' || style.filter !== 'none' || style.mixBlendMode !== 'normal'
        || !(style.position === 'static' || (style.position === 'relative' && ['top', 'right', 'bottom', 'left'].every(side => ['auto', '0px'].includes(style[side]))));
    // What an element's box and every box above it add to the look of text in it: their
    // backgrounds, whether one is moved, and the scrolling boxes that clip. Kept per element,
    // so each box's style is read once, not once per text element inside it.
    const boxes = new Map();
    const above = box => {
        if (!box) return { background: '', moved: false, clips: [] };
        let known = boxes.get(box);
        if (!known) {
            const style = getComputedStyle(box);
            const outer = above(box.parentElement);
            known = {
                background: `${style.backgroundColor} ${style.backgroundImage} ${style.opacity} / ${outer.background}`,
                moved: outer.moved || moved(style),
                clips: style.overflowX !== 'visible' || style.overflowY !== 'visible' ? [...outer.clips, box.getBoundingClientRect()] : outer.clips,
            };
            boxes.set(box, known);
        }
        return known;
    };
    const look = element => {
        const own = getComputedStyle(element);
        const inner = element.getBoundingClientRect();
        const { background, moved: inMovedBox } = above(element);
        // The element's own scrolling does not hide its text: the boxes above it do.
        const clipped = above(element.parentElement).clips.some(outer =>
            inner.left < outer.left || inner.right > outer.right || inner.top < outer.top || inner.bottom > outer.bottom);
        const text = [own.color, own.fontSize, own.fontWeight, own.textShadow, own.webkitTextFillColor, own.webkitTextStrokeWidth].join(' ');
        return { key: `${text} / ${background}`, trusted: !inMovedBox && !clipped };
    };
    for (const element of document.body.querySelectorAll('*')) {
        const text = element.matches('input, select, textarea')
            || [...element.childNodes].some(node => node.nodeType === Node.TEXT_NODE && node.textContent.trim() !== '');
        // Hidden text (a listing's hidden lines, the help dialog) is not axe's to check: its
        // contrast rule passes over it.
        if (!text || !element.checkVisibility({ visibilityProperty: true })) continue;
        const { key, trusted } = look(element);
        if (!trusted) {
            element.setAttribute('data-contrast-check', '');
        } else if (!known.has(key)) {
            known.add(key);
            fresh.push(key);
            element.setAttribute('data-contrast-check', '');
        }
    }
    return fresh;
}

/**
 * No serious or critical axe-core violation on the page, in the theme it shows now: every rule,
 * or with `colours` only the rules a theme can change. axe reports violations only
 * (`resultTypes`): gathering the passing nodes took a tenth of its time. Contrast is checked
 * on each look of text once (`looksChecked`).
 */
export async function assertAccessible(page, theme, colours = false) {
    assert.ok(await page.evaluate(t => document.documentElement.classList.contains(t), theme), `the page is in ${theme}`);
    assert.equal(await page.locator('iframe').count(), 0, 'a frame, which axe run in the page does not look into');
    const fresh = await page.evaluate(markTextToCheck, [...looksChecked]);
    if (!await page.evaluate(() => 'axe' in window)) {
        await page.addScriptTag({ content: AXE });
    }
    const violations = await page.evaluate(async rules => {
        window.axe.configure({ rules: [{ id: 'color-contrast', selector: '[data-contrast-check]' }] });
        const { violations } = await window.axe.run(document, {
            resultTypes: ['violations'], ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}),
        });
        return violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => ({ target: n.target, message: n.any[0]?.message })) }));
    }, colours ? COLOUR_RULES : null);
    const bad = violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')} (${v.nodes[0]?.message ?? ''})`);
    assert.deepEqual(bad, [], `serious or critical accessibility violations in ${theme}`);
    fresh.forEach(key => looksChecked.add(key));
}

/** Starts the quiz, answers the first question wrong and the rest right, checks the score. */
export async function answerQuiz(page) {
    const placeholder = page.locator('.quiz-placeholder').first();
    const questions = JSON.parse(await placeholder.getAttribute('data-quiz-questions')).questions;
    // Until the quiz has loaded, a line says it is there.
    const note = page.locator('.quiz-screen-note');
    if (!await page.locator('.mdbook-quiz').count()) {
        assert.match(await note.innerText(), new RegExp(`quiz \\(${questions.length} questions\\) starts here`));
    }
    // The quiz's code is fetched when the quiz comes near the screen.
    await placeholder.scrollIntoViewIfNeeded();
    await page.locator('.mdbook-quiz .start').waitFor({ timeout: 15000 });
    assert.equal(await note.isVisible(), false, 'the line saying the quiz is there goes when it has loaded');
    assert.equal(await page.getByRole('heading', { name: 'Quiz', exact: true }).count(), 1, 'one "Quiz" heading');
    await page.locator('.mdbook-quiz .start').click();
    for (const [index, question] of questions.entries()) {
        const form = page.locator('.mdbook-quiz form.response');
        await page.locator('.mdbook-quiz .counter', { hasText: `Question ${index + 1} /` }).waitFor({ timeout: 10000 });
        await answer(form, question, index === 0);
        await form.locator('input[type=submit]').click();
    }
    const result = await page.locator('.mdbook-quiz').innerText();
    const wrong = questions.length - 1;
    assert.match(result, new RegExp(`\\b${wrong}\\b[^\\n]*\\b${questions.length}\\b`), `the score is ${wrong} of ${questions.length}:\n${result}`);
}

async function answer(form, question, wrong) {
    const a = question.answer;
    const radio = value => form.locator(`input[value=${JSON.stringify(value)}]`).check();
    if (question.type === 'MultipleChoice') {
        const right = Array.isArray(a.answer) ? a.answer : [a.answer];
        for (const option of wrong ? [question.prompt.distractors[0]] : right) {
            await radio(option);
        }
    } else if (question.type === 'ShortAnswer') {
        await form.locator('input[type=text], textarea').first().fill(wrong ? 'definitely not it' : a.answer);
    } else if (question.type === 'Tracing') {
        const compiles = wrong ? !a.doesCompile : a.doesCompile;
        await radio(String(compiles));
        if (compiles) {
            await form.locator('textarea, input[type=text]').first().fill(a.doesCompile ? (a.stdout ?? '') : 'anything');
        }
    }
}

/** The book's search index, as the searcher loads it. */
export function searchIndex() {
    const file = fs.readdirSync(site).find(f => /^searchindex.*\.js$/.test(f));
    const window = { search: {} };
    new Function('window', fs.readFileSync(path.join(site, file), 'utf8'))(window);
    return window.search;
}

/** Every listing's src/main.rs as mdBook sends it: without the ANCHOR lines. */
export function listingSources() {
    const out = [];
    const dir = path.join(root, 'listings');
    // Chapter folders only: listings/ also holds their rustfmt.toml.
    const folders = fs.readdirSync(dir, { withFileTypes: true }).filter(e => e.isDirectory());
    for (const { name: chapter } of folders) {
        for (const listing of fs.readdirSync(path.join(dir, chapter))) {
            const file = path.join(dir, chapter, listing, 'src/main.rs');
            if (fs.existsSync(file)) {
                out.push(fs.readFileSync(file, 'utf8').split('\n').filter(l => !/ANCHOR(_END)?:/.test(l)).join('\n').trim());
            }
        }
    }
    return out;
}
