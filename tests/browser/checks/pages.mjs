// Every page the table of contents reaches: it loads cleanly within its weight, draws its
// diagrams readably at 1280 and 390 px, breaks inline code only where it may at 390 px, passes
// axe in light and in one other theme, and, on a chapter, its quiz can be taken; on an exercise
// page, its exercises work (exercises.mjs).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { SLOTS, answerQuiz, assertAccessible, assertDiagramsReadable, assertInlineCodeBreaks, assertNumbersOnTheirLines, assertTypographicQuotes, chapters, diagramsDrawn, exercisePages, onPage, pages, settled } from '../support.mjs';
import { closeSolutions, exercisesWork, solutionsHiddenUntilOpened } from './exercises.mjs';

// A page's weight: the bytes of every file it fetches (the suite's server sends files
// uncompressed, as they are in book/html) from the start of loading until the network has been
// idle for 0.5 s, at 1280×900, before the reader scrolls — everything: HTML, CSS, fonts,
// scripts, diagrams. The quiz bundle (1.4 MB) must not come at all before the reader scrolls to
// the quiz (theme/lazy-quiz.js).
const PAGE_BUDGET = 800_000;
const QUIZ_BUNDLE = 'quiz/quiz-embed.iife.js';

const DARK_THEMES = ['navy', 'coal', 'ayu'];
const OTHER_THEMES = [...DARK_THEMES, 'rust'];

export default function () {
    describe('every page', { concurrency: true }, () => {
        // Pages share browser contexts (support.mjs): one more page than there can be contexts
        // of a kind reuses one, and must find nothing an earlier page stored.
        test('each page is opened as a first visit: nothing an earlier page stored is left', async () => {
            for (let i = 0; i <= SLOTS; i++) {
                await onPage('introduction.html', {}, async ({ page }) => {
                    const left = await page.evaluate(() => [localStorage.getItem('suite-mark'), sessionStorage.getItem('suite-mark')]);
                    assert.deepEqual(left, [null, null], `page ${i + 1} of ${SLOTS + 1} found what an earlier one stored`);
                    await page.evaluate(() => { localStorage.setItem('suite-mark', '1'); sessionStorage.setItem('suite-mark', '1'); });
                });
            }
        });
        // Contrast is checked once per look of text (support.mjs): text of a look not seen yet
        // is still checked on a page whose every other look was.
        test('axe still finds text of too little contrast where the rest of the page was checked before: a new colour, a checked look on a new background', () =>
            onPage('ch13-choosing.html', {}, async ({ page }) => {
                await assertAccessible(page, 'light');
                for (const [what, inject] of [
                    ['a new colour', () => {
                        const copy = document.querySelector('main p').cloneNode(true);
                        copy.style.color = '#bbb';
                        document.querySelector('main').append(copy);
                    }],
                    ['a checked look on a new background', () => {
                        const box = document.createElement('div');
                        box.style.background = '#333';
                        box.append(document.querySelector('main p').cloneNode(true));
                        document.querySelector('main').append(box);
                    }],
                ]) {
                    await page.evaluate(inject);
                    await assert.rejects(assertAccessible(page, 'light'), /color-contrast \(serious\)/, what);
                    await page.evaluate(() => document.querySelector('main').lastElementChild.remove());
                }
                await assertAccessible(page, 'light');
            }));
        for (const name of pages) {
            const exercises = exercisePages.includes(name);
            test(`${name} loads cleanly within its weight, draws its diagrams, passes axe in light and another theme, and its ${exercises ? 'exercises work (1280 and 390 px)' : 'quiz works'}`, () =>
                onPage(name, { weigh: true }, async ({ page, seen }) => {
                    // `cargo xtask bench` reads these lines into BENCHMARKS.md.
                    console.log(`weight: ${name} ${seen.bytes} bytes in ${seen.files.size} files`);
                    assert.ok(seen.bytes <= PAGE_BUDGET, `${name} weighs ${seen.bytes} bytes; the budget is ${PAGE_BUDGET}: ${[...seen.files].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([f, b]) => `${f} ${b}`).join(', ')}`);
                    assert.ok(!seen.files.has(QUIZ_BUNDLE), `${name} fetched the quiz bundle before the reader reached the quiz`);
                    assert.ok(![...seen.files.keys()].some(file => file.includes('mermaid')), `${name} fetched mermaid`);
                    const diagrams = await diagramsDrawn(page);
                    await assertDiagramsReadable(page, name, '1280 px, light');
                    await assertNumbersOnTheirLines(page, '1280 px');
                    await assertTypographicQuotes(page);
                    if (chapters.includes(name)) {
                        assert.equal(await page.locator('.quiz-placeholder').count(), 1, 'a chapter ends with a quiz');
                        await answerQuiz(page);
                    }
                    assert.deepEqual(seen.errors, [], 'console errors');
                    assert.deepEqual(seen.outside, [], 'requests leaving 127.0.0.1');
                    await assertAccessible(page, 'light');
                    if (exercises) {
                        await exercisesWork(page, seen, name);
                        await closeSolutions(page);
                    }
                    // Then again in one of the other themes, in turn, as the reader switches to it
                    // (with the quiz answered, so its review is checked too).
                    const theme = OTHER_THEMES[pages.indexOf(name) % OTHER_THEMES.length];
                    await page.click('#mdbook-theme-toggle');
                    await page.click(`#mdbook-theme-${theme}`);
                    await page.keyboard.press('Escape');
                    // And on a phone: every diagram's text still at least 12 px.
                    await page.setViewportSize({ width: 390, height: 844 });
                    await settled(page);
                    assert.equal(await diagramsDrawn(page), diagrams);
                    await assertDiagramsReadable(page, name, `390 px, ${theme}`);
                    await assertNumbersOnTheirLines(page, '390 px');
                    await assertInlineCodeBreaks(page, '390 px');
                    if (exercises) {
                        await solutionsHiddenUntilOpened(page, name, 390);
                    }
                    await assertAccessible(page, theme, true);
                    assert.deepEqual(seen.errors, [], 'console errors after the theme switch');
                }));
        }
    });
}
