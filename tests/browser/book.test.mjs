// End-to-end tests of the built book (book/html) in Debian's headless chromium, driven by
// playwright-core. `cargo xtask test` builds the book first and runs this file.
// Nothing leaves 127.0.0.1: the Rust playground is mocked, every other outside request fails
// the test that made it.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const site = path.join(root, 'book/html');
const shots = path.join(root, 'target/browser-shots');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Every page the reader can reach from the table of contents (drafts have no file yet).
const pages = [...fs.readFileSync(path.join(root, 'src/SUMMARY.md'), 'utf8').matchAll(/\]\(([^)]+)\.md\)/g)]
    .map(match => `${match[1]}.html`);
// Chapters end with a quiz; their exercise pages (chNN-exercises) do not.
const chapters = pages.filter(page => /^ch\d\d-/.test(page) && !page.endsWith('-exercises.html'));

// What each kind of listing means on a page, from the model the pages are labelled from
// (crates/book-listings via `mdbook-listings kinds`), not a second copy of the list.
const KINDS = JSON.parse(execFileSync(process.env.CARGO ?? 'cargo',
    ['run', '--quiet', '--package', 'mdbook-listings', '--', 'kinds'], { cwd: root, encoding: 'utf8' }));

const MOCK_RESULT = 'mocked playground output';
// mdBook adds Run buttons hidden and shows them once it knows the playground can run the code.
const RUNNABLE = '.play-button:not([hidden]):not(.hidden)';

let server;
let base;
let browser;

before(async () => {
    assert.ok(fs.existsSync(path.join(site, 'index.html')), `${site} has no built book: run \`cargo xtask test\``);
    assert.ok(fs.existsSync(chromiumPath), `${chromiumPath} is missing: apt-get install chromium`);
    fs.mkdirSync(shots, { recursive: true });
    server = http.createServer(serveFile);
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

const TYPES = {
    '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
    '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff',
    '.json': 'application/json', '.ttf': 'font/ttf', '.txt': 'text/plain', '.toml': 'text/plain',
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

/**
 * Opens a page in a fresh context (own storage, so the theme is the one asked for) and
 * records what the page does wrong: console errors, uncaught exceptions, outside requests.
 */
async function open(name, { theme = 'light', weigh = false } = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(t => localStorage.setItem('mdbook-theme', t), theme);
    const seen = { errors: [], outside: [], runs: [], bytes: 0, files: new Map() };
    await context.route('**/*', async route => {
        const url = route.request().url();
        if (url.startsWith(base)) {
            return route.continue();
        }
        if (url === 'https://play.rust-lang.org/meta/crates') {
            return route.fulfill({ json: { crates: [{ id: 'serde', name: 'serde', version: '1.0.0' }] } });
        }
        if (url === 'https://play.rust-lang.org/evaluate.json') {
            seen.runs.push(JSON.parse(route.request().postData()));
            return route.fulfill({ json: { result: MOCK_RESULT, error: null } });
        }
        seen.outside.push(url);
        return route.abort();
    });
    const page = await context.newPage();
    page.on('console', message => message.type() === 'error' && seen.errors.push(message.text()));
    page.on('pageerror', error => seen.errors.push(`uncaught: ${error.message}`));
    await page.goto(base + name, { waitUntil: 'load' });
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
    return { page, seen, close: () => context.close() };
}

/**
 * The page's diagrams, drawn when the book was built (tests/browser/postbuild.mjs): no mermaid
 * source is left and each diagram shows one SVG. Returns how many there are.
 */
async function diagramsDrawn(page) {
    assert.equal(await page.locator('pre.mermaid').count(), 0, 'every diagram was drawn when the book was built');
    const shown = await page.locator('div.diagram').evaluateAll(boxes => boxes.map(box =>
        [...box.querySelectorAll(':scope > svg')].filter(svg => getComputedStyle(svg).display !== 'none').length));
    assert.ok(shown.every(n => n === 1), `each diagram shows one drawing: ${shown}`);
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

async function assertDiagramsReadable(page, name, when) {
    const { smallest, where, sideways } = await diagramText(page);
    assert.ok(smallest >= MIN_DIAGRAM_TEXT - 0.01, `${name} at ${when}: diagram text drawn at ${smallest.toFixed(1)} px (${where})`);
    assert.equal(sideways, false, `${name} at ${when}: the page scrolls sideways`);
}

// A page's weight: the bytes of every file it fetches (the suite's server sends files
// uncompressed, as they are in book/html) from the start of loading until the network has been
// idle for 0.5 s, at 1280×900, before the reader scrolls — everything: HTML, CSS, fonts,
// scripts, diagrams. The quiz bundle (1.4 MB) must not come at all before the reader scrolls to
// the quiz (theme/lazy-quiz.js).
const PAGE_BUDGET = 800_000;
const QUIZ_BUNDLE = 'quiz/quiz-embed.iife.js';

const DARK_THEMES = ['navy', 'coal', 'ayu'];
const OTHER_THEMES = [...DARK_THEMES, 'rust'];
// Syntax colours are the same stylesheets on every page, and checking the contrast of every
// highlighted token is most of axe's time: check them on the first page seen in each theme,
// and the rest of every page everywhere.
const codeChecked = new Set();

/**
 * No serious or critical axe-core violation on the page, in the theme it shows now: every rule,
 * or with `colours` only the rules a theme can change (the markup is the same in every theme).
 */
async function assertAccessible(page, theme, withCode, colours = false) {
    assert.ok(await page.evaluate(t => document.documentElement.classList.contains(t), theme), `the page is in ${theme}`);
    const axe = new AxeBuilder({ page });
    if (colours) {
        axe.withRules(['color-contrast', 'link-in-text-block']);
    }
    if (!withCode) {
        axe.exclude('pre code');
    }
    const { violations } = await axe.analyze();
    const bad = violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')} (${v.nodes[0]?.any[0]?.message ?? ''})`);
    assert.deepEqual(bad, [], `serious or critical accessibility violations in ${theme}`);
}

describe('every page', { concurrency: 2 }, () => {
    for (const name of pages) {
        test(`${name} loads cleanly within its weight, draws its diagrams, passes axe in light and another theme, and its quiz works`, async () => {
            const { page, seen, close } = await open(name, { weigh: true });
            try {
                console.log(`${name}: ${seen.bytes} bytes in ${seen.files.size} files`);
                assert.ok(seen.bytes <= PAGE_BUDGET, `${name} weighs ${seen.bytes} bytes; the budget is ${PAGE_BUDGET}: ${[...seen.files].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([f, b]) => `${f} ${b}`).join(', ')}`);
                assert.ok(!seen.files.has(QUIZ_BUNDLE), `${name} fetched the quiz bundle before the reader reached the quiz`);
                assert.ok(![...seen.files.keys()].some(file => file.includes('mermaid')), `${name} fetched mermaid`);
                const diagrams = await diagramsDrawn(page);
                await assertDiagramsReadable(page, name, '1280 px, light');
                if (chapters.includes(name)) {
                    assert.equal(await page.locator('.quiz-placeholder').count(), 1, 'a chapter ends with a quiz');
                    await answerQuiz(page);
                }
                assert.deepEqual(seen.errors, [], 'console errors');
                assert.deepEqual(seen.outside, [], 'requests leaving 127.0.0.1');
                await assertAccessible(page, 'light', name === chapters[0]);
                if (chapters.includes(name)) {
                    // JPEG: a chapter's full-page PNG takes 3 times as long to encode.
                    await page.screenshot({ path: path.join(shots, name.replace('.html', '.jpg')), fullPage: true, type: 'jpeg', quality: 70 });
                }
                // Then again in one of the other themes, in turn, as the reader switches to it
                // (with the quiz answered, so its review is checked too).
                const theme = OTHER_THEMES[pages.indexOf(name) % OTHER_THEMES.length];
                await page.click('#mdbook-theme-toggle');
                await page.click(`#mdbook-theme-${theme}`);
                await page.keyboard.press('Escape');
                // And on a phone: every diagram's text still at least 12 px.
                await page.setViewportSize({ width: 390, height: 844 });
                assert.equal(await diagramsDrawn(page), diagrams);
                await assertDiagramsReadable(page, name, `390 px, ${theme}`);
                const withCode = !codeChecked.has(theme) && await page.locator('pre code').count() > 0;
                if (withCode) {
                    codeChecked.add(theme);
                }
                await assertAccessible(page, theme, withCode, true);
                assert.deepEqual(seen.errors, [], 'console errors after the theme switch');
            } finally {
                await close();
            }
        });
    }
});

describe('diagrams', () => {
    /** The fill of the first diagram's first node and the page's background, as drawn now. */
    const colours = page => page.evaluate(() => {
        const svg = [...document.querySelectorAll('div.diagram > svg')].find(s => getComputedStyle(s).display !== 'none');
        const node = svg.querySelector('.node rect, .node polygon, rect.actor, g.classGroup rect, .node path');
        return { node: getComputedStyle(node).fill, text: getComputedStyle(svg.querySelector('.nodeLabel, text') ?? svg).color };
    });
    const luminance = rgb => {
        const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map(Number).map(c => c / 255).map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };

    test('follow the reader\'s theme, print light from a dark theme, and need no script', async () => {
        const withDiagram = chapters.find(name => fs.readFileSync(path.join(site, name), 'utf8').includes('class="diagram"'));
        assert.ok(withDiagram, 'some chapter has a diagram');
        const { page, seen, close } = await open(withDiagram, { theme: 'coal' });
        try {
            await diagramsDrawn(page);
            const dark = await colours(page);
            assert.ok(luminance(dark.node) < 0.2, `dark nodes in coal: ${dark.node}`);
            // Printed from a dark theme, the diagram has its light colours.
            await page.emulateMedia({ media: 'print' });
            await diagramsDrawn(page);
            const printed = await colours(page);
            assert.ok(luminance(printed.node) > 0.6, `light nodes in print: ${printed.node}`);
            await page.emulateMedia({ media: 'screen' });
            await page.click('#mdbook-theme-toggle');
            await page.click('#mdbook-theme-light');
            await diagramsDrawn(page);
            assert.deepEqual(await colours(page), printed, 'the light theme draws as print does');
            assert.deepEqual(seen.errors, []);
        } finally {
            await close();
        }
        // The drawings are in the page: they show without JavaScript, before any script runs.
        const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
        try {
            const page = await context.newPage();
            await page.goto(base + withDiagram);
            const count = await diagramsDrawn(page);
            assert.ok(count > 0);
            await assertDiagramsReadable(page, withDiagram, '390 px without JavaScript');
        } finally {
            await context.close();
        }
    });

    test('a diagram wider than a phone scrolls in its box, by keyboard too', async () => {
        const { page, close } = await open('ch03-box.html');
        try {
            await page.setViewportSize({ width: 390, height: 844 });
            const wide = page.locator('div.diagram').filter({ has: page.locator('svg') });
            const index = await wide.evaluateAll(boxes => boxes.findIndex(box => box.scrollWidth > box.clientWidth + 50));
            assert.ok(index >= 0, 'ch03 has a diagram wider than a phone');
            const box = wide.nth(index);
            await box.focus();
            await page.keyboard.press('ArrowRight');
            await page.waitForFunction(element => element.scrollLeft > 0, await box.elementHandle(), { timeout: 5000 });
        } finally {
            await close();
        }
    });

    test('mermaid is loaded by no page', async () => {
        const { page, seen, close } = await open('introduction.html', { weigh: true });
        try {
            const scripts = await page.evaluate(() => [...document.scripts].map(s => s.src).filter(Boolean));
            assert.ok(!scripts.some(src => src.includes('mermaid')), 'no mermaid script');
            assert.ok(!scripts.some(src => src.includes('quiz-embed')), 'no quiz bundle');
            console.log(`introduction.html transferred ${(seen.bytes / 1024).toFixed(0)} KiB`);
            assert.ok(seen.bytes < 600 * 1024, `a diagram-free page weighs ${seen.bytes} bytes`);
        } finally {
            await close();
        }
    });
});

describe('quiz', () => {
    test('keeps the reader\'s answers across a reload (answered at 1280 px, reloaded at 390 px, navy)', async () => {
        const { page, seen, close } = await open('ch02-deref-drop.html', { theme: 'navy' });
        try {
            await answerQuiz(page);
            const before = await page.locator('.mdbook-quiz').innerText();
            await page.setViewportSize({ width: 390, height: 844 });
            await page.reload({ waitUntil: 'load' });
            await page.locator('.quiz-placeholder').first().scrollIntoViewIfNeeded();
            const quiz = page.locator('.mdbook-quiz');
            await quiz.waitFor({ timeout: 15000 });
            await page.waitForFunction(() => /answered/i.test(document.querySelector('.mdbook-quiz')?.innerText ?? ''), null, { timeout: 15000 });
            const after = await quiz.innerText();
            const score = text => text.match(/answered[^\n]*/i)?.[0];
            assert.equal(score(after), score(before), `after a reload the quiz shows the same result:\n${after.slice(0, 300)}`);
            assert.deepEqual(seen.errors, []);
        } finally {
            await close();
        }
    });
});

describe('keyboard', () => {
    test('the first Tab reaches a skip link that leads past the table of contents to the chapter', async () => {
        const { page, close } = await open('ch02-deref-drop.html');
        try {
            await page.keyboard.press('Tab');
            const skip = page.locator(':focus');
            assert.equal(await skip.innerText(), 'Skip to content');
            const box = await skip.boundingBox();
            assert.ok(box && box.x >= 0 && box.y >= 0 && box.width > 0, `the focused skip link is on screen: ${JSON.stringify(box)}`);
            await page.keyboard.press('Enter');
            await page.keyboard.press('Tab');
            assert.ok(await page.evaluate(() => document.activeElement.closest('main') !== null),
                `the next Tab stop is in the chapter, not ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 120))}`);
        } finally {
            await close();
        }
    });
});

describe('search', () => {
    test('finds a word that occurs in only one chapter and links to it', async () => {
        const [word, chapter] = wordInOneChapter();
        const { page, close } = await open('introduction.html');
        try {
            await page.keyboard.press('s');
            await page.locator('#mdbook-searchbar').waitFor({ state: 'visible' });
            await page.keyboard.type(word, { delay: 20 });
            const first = page.locator('#mdbook-searchresults a').first();
            await first.waitFor({ timeout: 10000 });
            const targets = await page.locator('#mdbook-searchresults a').evaluateAll(links => links.map(a => a.getAttribute('href')));
            assert.ok(targets.some(href => href.startsWith(chapter)), `"${word}" should lead to ${chapter}; got ${targets}`);
            await first.click();
            await page.waitForURL(url => url.pathname.endsWith(chapter.split('#')[0]));
        } finally {
            await close();
        }
    });

    /** Types `query` into the search bar and returns the results: breadcrumb, link, teaser. */
    async function search(page, query) {
        await page.keyboard.press('s');
        await page.locator('#mdbook-searchbar').waitFor({ state: 'visible' });
        // mdBook searches on keyup: type the query as a reader does.
        await page.locator('#mdbook-searchbar').fill('');
        await page.keyboard.type(query, { delay: 10 });
        await page.waitForFunction(q => document.querySelector('#mdbook-searchresults-header')?.innerText.includes(q), query, { timeout: 10000 });
        return page.locator('#mdbook-searchresults li').evaluateAll(items => items.map(li => ({
            crumb: li.querySelector('a').innerText, href: li.querySelector('a').getAttribute('href'), teaser: li.querySelector('.teaser')?.innerText ?? '',
        })));
    }

    for (const [width, theme] of [[1280, 'light'], [390, 'coal']]) {
        test(`shows headings with their generics, finds paths like Cow::to_mut, and needs every word (${width} px, ${theme})`, async () => {
            const { page, close } = await open('introduction.html', { theme });
            try {
                await page.setViewportSize({ width, height: 844 });
                const generics = await search(page, 'RwLock');
                assert.ok(generics.some(r => r.crumb.includes('Arc<RwLock<T>>')), `a heading keeps its generics: ${generics.map(r => r.crumb).join(' | ')}`);
                for (const query of ['Cow::to_mut', 'to_mut']) {
                    await page.keyboard.press('Escape');
                    const found = await search(page, query);
                    assert.ok(found.some(r => r.href.startsWith('ch05-cow.html')), `"${query}" finds the Cow chapter: ${found.map(r => r.href)}`);
                }
                // Several words: only the sections that have them all.
                await page.keyboard.press('Escape');
                const both = await search(page, 'already borrowed');
                assert.ok(both.length > 0, 'some section has both words');
                const bodies = indexedSections();
                for (const { href } of both) {
                    // A result links to its section with the words to highlight: ?highlight=...#id
                    const body = bodies.get(href.replace(/\?[^#]*/, '')).toLowerCase();
                    assert.ok(body.includes('already') && body.includes('borrow'), `${href} has both words`);
                }
            } finally {
                await close();
            }
        });
    }

    test('indexes what the reader reads: no diagram source, no marker glued to code', () => {
        const docs = Object.values(searchIndex().index.documentStore.docs);
        assert.ok(docs.length > 100, `${docs.length} sections indexed`);
        const diagramSource = /\b(accTitle|accDescr|flowchart (LR|TD|TB|RL)|sequenceDiagram|classDiagram|stateDiagram)/;
        const withSource = docs.filter(d => diagramSource.test(d.body));
        assert.deepEqual(withSource.map(d => d.breadcrumbs), [], 'sections whose text holds a diagram\'s mermaid source');
        // A marker or label ("Deadlocks", "Compiler error") is not part of the text it labels.
        const markers = KINDS.flatMap(k => [k.marker, k.label.replace(/ \d+ s$/, '')]).filter(Boolean);
        const glued = docs.filter(d => markers.some(m => new RegExp(`${m}\\s+(use|fn|struct|error|let|#\\[|\\d)`).test(d.body)));
        assert.deepEqual(glued.map(d => `${d.breadcrumbs}: ${d.body.slice(0, 80)}`), [], 'sections with marker text glued to code');
    });
});

/** The book's search index, as the searcher loads it. */
function searchIndex() {
    const file = fs.readdirSync(site).find(f => /^searchindex.*\.js$/.test(f));
    const window = { search: {} };
    new Function('window', fs.readFileSync(path.join(site, file), 'utf8'))(window);
    return window.search;
}

/** Each indexed section's text by its link. */
function indexedSections() {
    const { doc_urls: urls, index } = searchIndex();
    return new Map(urls.map((url, id) => [url, index.documentStore.docs[id].body]));
}

/** A long word that appears in exactly one chapter's text (and not in the introduction). */
function wordInOneChapter() {
    const text = name => fs.readFileSync(path.join(site, name), 'utf8')
        .replace(/^[\s\S]*<main>/, '').replace(/<\/main>[\s\S]*$/, '')
        .replace(/<(script|style|pre)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').toLowerCase();
    const words = new Map();
    for (const name of pages) {
        for (const word of new Set(text(name).match(/\b[a-z]{9,}\b/g) ?? [])) {
            words.set(word, [...(words.get(word) ?? []), name]);
        }
    }
    const unique = [...words].filter(([, where]) => where.length === 1 && chapters.includes(where[0])).sort();
    assert.ok(unique.length > 0, 'some word occurs in only one chapter');
    const [word, [chapter]] = unique[Math.floor(unique.length / 2)];
    return [word, chapter];
}

/** Starts the quiz, answers the first question wrong and the rest right, checks the score. */
async function answerQuiz(page) {
    const placeholder = page.locator('.quiz-placeholder').first();
    // The quiz's code is fetched when the quiz comes near the screen.
    await placeholder.scrollIntoViewIfNeeded();
    const questions = JSON.parse(await placeholder.getAttribute('data-quiz-questions')).questions;
    await page.locator('.mdbook-quiz .start').waitFor({ timeout: 15000 });
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

describe('listings', () => {
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
            // Exercises live on their own pages: exercises.test.mjs checks their marker and label.
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
        const context = await browser.newContext();
        await context.route('**/*', route => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
        const page = await context.newPage();
        const uncaught = [];
        page.on('pageerror', error => uncaught.push(error.message));
        try {
            await page.goto(`file://${site}/ch01-smart-pointers.html`, { waitUntil: 'load' });
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
            assert.deepEqual(uncaught, []);
        } finally {
            await context.close();
        }
    });
});

describe('print', () => {
    test('every page links a PDF of the whole book, printed from print.html', async () => {
        const { page, close } = await open('ch01-smart-pointers.html', { theme: 'navy' });
        try {
            const link = page.locator('#mdbook-menu-bar a.pdf-link');
            assert.equal(await link.count(), 1, 'the menu bar links the PDF');
            const href = await link.getAttribute('href');
            const response = await page.request.get(base + href);
            assert.equal(response.status(), 200);
            const pdf = await response.body();
            assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
            const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
            assert.ok(pages > 100, `the PDF has ${pages} pages: the whole book`);
            assert.ok(pdf.toString('latin1').includes('/Title'), 'the PDF has a title');
        } finally {
            await close();
        }
        for (const name of pages) {
            assert.match(fs.readFileSync(path.join(site, name), 'utf8'), /class="pdf-link"/, `${name} links the PDF`);
        }
    });

    // print.html holds every chapter, so one page shows all the book's diagrams: drawn here in
    // a dark theme (every page draws its own in light).
    test('print.html shows every chapter with its diagrams (in a dark theme) and outputs, and prints labels with their blocks', async () => {
        const { page, seen, close } = await open('print.html', { theme: 'navy' });
        try {
            const diagrams = await diagramsDrawn(page);
            assert.ok(diagrams > 0, 'the book has diagrams');
            assert.deepEqual(seen.errors, []);
            const expected = pages.reduce((sum, name) => sum + (fs.readFileSync(path.join(site, name), 'utf8').match(/<div class="diagram"/g) ?? []).length, 0);
            assert.equal(diagrams, expected, 'all diagrams of all pages');
            // Printed, a marker or label stays on the page of its block. Pages are simulated
            // by columns of a page's height (1000 px of 700 px-wide text: about 250 A4 pages for
            // the book), which break like pages. A block taller than a page moves to a page of
            // its own (mdBook's print CSS avoids breaks inside code) and may leave its label.
            await page.emulateMedia({ media: 'print' });
            const apart = await page.evaluate(pageHeight => {
                const main = document.querySelector('main');
                main.style.cssText = `columns: 700px; column-gap: 100px; column-fill: auto; height: ${pageHeight}px; width: 700px`;
                const column = element => Math.floor(element.getClientRects()[0].left / 800);
                const found = [];
                for (const label of document.querySelectorAll('.listing-marker, .output-label')) {
                    const block = label.nextElementSibling;
                    if (block && column(label) !== column(block) && block.getBoundingClientRect().height < pageHeight) {
                        found.push(`"${label.textContent}" before ${block.textContent.slice(0, 60)}`);
                    }
                }
                main.style.cssText = '';
                return found;
            }, 1000);
            // On paper a quiz is a line saying where to take it, and outputs are not wrapped
            // (a compiler error's carets stay under what they point at) but fit the page.
            const paper = await page.evaluate(() => {
                const main = document.querySelector('main');
                main.style.width = '700px';
                const shown = element => element.getClientRects().length > 0;
                const notes = [...document.querySelectorAll('.quiz-print-note')].filter(shown).map(n => n.textContent);
                const quizzes = [...document.querySelectorAll('.quiz-placeholder, .mdbook-quiz')].filter(shown).length;
                const outputs = [...document.querySelectorAll('pre > code.language-text')];
                const wrapped = outputs.filter(code => getComputedStyle(code).whiteSpace !== 'pre').length;
                const cut = outputs.filter(code => code.scrollWidth > code.clientWidth + 1).map(code => code.textContent.slice(0, 60));
                const dark = [...document.querySelectorAll('div.diagram > svg')].filter(svg => getComputedStyle(svg).display !== 'none' && svg.classList.contains('diagram-dark')).length;
                main.style.width = '';
                return { notes, quizzes, wrapped, cut, dark };
            });
            await page.emulateMedia({ media: 'screen' });
            assert.deepEqual(apart, [], 'markers and labels printed on another page than their block');
            assert.equal(paper.quizzes, 0, 'no quiz widget on paper');
            assert.equal(paper.notes.length, chapters.length, 'every chapter\'s quiz is a printed line');
            assert.match(paper.notes[0], /quiz \(\d+ questions\) is interactive/);
            assert.equal(paper.wrapped, 0, 'outputs printed without wrapping');
            assert.deepEqual(paper.cut, [], 'outputs wider than the printed page');
            assert.equal(paper.dark, 0, 'diagrams printed in their light drawing');
            const labels = await page.locator('.output-label').count();
            const expectedLabels = pages.reduce((sum, name) => sum + (fs.readFileSync(path.join(site, name), 'utf8').match(/class="output-label/g) ?? []).length, 0);
            assert.equal(labels, expectedLabels, 'all verified outputs of all pages');
        } finally {
            await close();
        }
    });
});

/** Every listing's src/main.rs as mdBook sends it: without the ANCHOR lines. */
function listingSources() {
    const out = [];
    const dir = path.join(root, 'listings');
    // Chapter folders only: listings/ also holds their rustfmt.toml.
    const chapters = fs.readdirSync(dir, { withFileTypes: true }).filter(e => e.isDirectory());
    for (const { name: chapter } of chapters) {
        for (const listing of fs.readdirSync(path.join(dir, chapter))) {
            const file = path.join(dir, chapter, listing, 'src/main.rs');
            if (fs.existsSync(file)) {
                out.push(fs.readFileSync(file, 'utf8').split('\n').filter(l => !/ANCHOR(_END)?:/.test(l)).join('\n').trim());
            }
        }
    }
    return out;
}
