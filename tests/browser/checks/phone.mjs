// The book on a phone (390×844 CSS px, touch, no hover), as issue 19 found it: a listing's
// buttons show without a tap and cover none of its code, a tap on the code opens no keyboard
// (Edit does), Run's result comes into view, a diagram wider than the screen shows that it
// scrolls, and the table of contents does not push the quiz off the screen.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { MOCK_RESULT, RUNNABLE, assertNumbersOnTheirLines, onPage } from '../support.mjs';

const PHONE = { width: 390, height: 844, touch: true };

/**
 * A box (`selector`) wider than the phone fades at the edge where more of it is to the side:
 * the right at its start, both sides in the middle, the left at its end; with `narrowToo`, the
 * page also has one that fits, which does not fade.
 */
async function fadesWhereMoreIs(page, selector, what, narrowToo) {
    // How much each box fades at its left and right edges now, and whether it scrolls.
    const fades = () => page.locator(selector).evaluateAll(boxes => boxes.map(box => {
        const style = getComputedStyle(box);
        return {
            scrolls: box.scrollWidth > box.clientWidth + 1,
            left: parseFloat(style.getPropertyValue('--scroll-fade-left')) || 0,
            right: parseFloat(style.getPropertyValue('--scroll-fade-right')) || 0,
        };
    }));
    const before = await fades();
    const wide = before.findIndex(f => f.scrolls);
    assert.ok(wide >= 0, `the page has a ${what} wider than a phone: ${JSON.stringify(before)}`);
    assert.ok(before[wide].right > 0 && before[wide].left === 0, `at its start a wide ${what} fades on the right only: ${JSON.stringify(before[wide])}`);
    if (narrowToo) {
        const narrow = before.findIndex(f => !f.scrolls);
        assert.ok(narrow >= 0, `the page has a ${what} that fits: ${JSON.stringify(before)}`);
        assert.deepEqual([before[narrow].left, before[narrow].right], [0, 0], `a ${what} that fits does not fade`);
    }
    const box = page.locator(selector).nth(wide);
    // Scrolled to `where`, the fade follows within a few frames.
    const scrolledTo = async (where, expected) => {
        await box.evaluate((b, at) => { b.scrollLeft = at * (b.scrollWidth - b.clientWidth); }, where);
        let fade;
        for (let i = 0; i < 20; i++) {
            fade = (await fades())[wide];
            if (expected(fade)) break;
            await page.waitForTimeout(50);
        }
        return fade;
    };
    const end = await scrolledTo(1, f => f.left > 0 && f.right === 0);
    assert.ok(end.left > 0 && end.right === 0, `at its end it fades on the left only: ${JSON.stringify(end)}`);
    const middle = await scrolledTo(0.5, f => f.left > 0 && f.right > 0);
    assert.ok(middle.left > 0 && middle.right > 0, `in the middle on both sides: ${JSON.stringify(middle)}`);
}

const runnable = page => page.locator('pre.playground').filter({ has: page.locator(RUNNABLE) });

export default function () {
    describe('phone', { concurrency: true }, () => {
        test('a listing shows its buttons without a tap; a tap on its code opens no keyboard, its Edit button does and Run sends the edit', () =>
            onPage('ch01-smart-pointers.html', PHONE, async ({ page, seen }) => {
                const block = runnable(page).first();
                await block.scrollIntoViewIfNeeded();
                const shown = await block.locator('.buttons').evaluate(buttons => getComputedStyle(buttons).visibility === 'visible' && getComputedStyle(buttons).opacity === '1');
                assert.ok(shown, 'Run and Copy show before any tap (a phone cannot hover)');
                const code = block.locator('code').first();
                const editing = () => page.evaluate(() => document.activeElement?.isContentEditable ?? false);
                // A tap on the code (to read, scroll or select it) puts no caret in editable
                // text: on a phone, a caret opens the keyboard over half the screen.
                await code.tap();
                assert.equal(await editing(), false, 'a tap on the code starts no editing');
                const edit = block.locator('.edit-button');
                await edit.tap();
                assert.ok(await code.evaluate(c => document.activeElement === c && c.isContentEditable), 'Edit puts the caret in the code');
                assert.equal(await edit.getAttribute('aria-pressed'), 'true');
                await page.keyboard.type('/* on a phone */ ');
                await block.locator('.play-button').tap();
                await block.locator('.result').filter({ hasText: MOCK_RESULT }).waitFor({ timeout: 10000 });
                assert.ok(seen.runs[0]?.code.includes('/* on a phone */ '), `Run sends the edit:\n${seen.runs[0]?.code}`);
                // Edit again ends editing (and the keyboard); the edit stays.
                await edit.tap();
                assert.equal(await editing(), false, 'a second tap on Edit ends editing');
                assert.match(await code.innerText(), /\/\* on a phone \*\/ /);
                assert.deepEqual(seen.errors, []);
            }));

        test('an exercise\'s starter too: its lines numbered beside them; a tap opens no keyboard, its Edit button does; its Run button shows its icon', () =>
            onPage('ch02-exercises.html', PHONE, async ({ page, seen }) => {
                await assertNumbersOnTheirLines(page, '390 px, touch');
                const starter = page.locator('pre.exercise-starter').first();
                await starter.scrollIntoViewIfNeeded();
                const code = starter.locator('code').first();
                await code.tap();
                assert.equal(await page.evaluate(() => document.activeElement?.isContentEditable ?? false), false, 'a tap on the starter starts no editing');
                await starter.locator('.edit-button').tap();
                assert.ok(await code.evaluate(c => document.activeElement === c && c.isContentEditable), 'Edit puts the caret in the starter');
                const run = await starter.locator('.exercise-run').boundingBox();
                assert.equal(await starter.locator('.exercise-run svg').count(), 1, 'the Run button draws its play icon');
                assert.ok(run.width >= 24 && run.height >= 24, `the Run button is a target a finger can hit: ${JSON.stringify(run)}`);
                assert.deepEqual(seen.errors, []);
            }));

        test('no block\'s buttons cover its code or leave the screen', () =>
            onPage('ch03-box.html', PHONE, async ({ page }) => {
                const { blocks, covered } = await page.evaluate(() => {
                    const out = [];
                    const pres = [...document.querySelectorAll('pre')].filter(pre => pre.querySelector(':scope > .buttons button'));
                    for (const pre of pres) {
                        const code = pre.querySelector(':scope > code');
                        // The code's text, line by line, as far as the block shows it (it scrolls sideways).
                        const box = code.getBoundingClientRect();
                        const range = document.createRange();
                        range.selectNodeContents(code);
                        const text = [...range.getClientRects()].filter(r => r.width > 0 && r.left < box.right);
                        for (const button of pre.querySelectorAll(':scope > .buttons button')) {
                            if (button.hidden || button.classList.contains('hidden')) continue;
                            const b = button.getBoundingClientRect();
                            if (b.left < 0 || b.right > innerWidth) {
                                out.push(`${button.title}: off the screen (${b.left}–${b.right})`);
                            }
                            const under = text.find(r => r.left < b.right && Math.min(r.right, box.right) > b.left && r.top < b.bottom && r.bottom > b.top);
                            if (under) {
                                out.push(`${button.title} covers "${code.textContent.trim().split('\n')[0].slice(0, 50)}"`);
                            }
                        }
                    }
                    return { blocks: pres.length, covered: out };
                });
                assert.ok(blocks > 10, `ch03 has blocks with buttons: ${blocks}`);
                assert.deepEqual(covered, [], 'buttons over code at 390 px');
            }));

        // On a phone a block's buttons sit in a strip above its code. An output block has
        // one button, Copy, so that strip was a blank band over every output; its label's row
        // has room beside the label instead. ch09 has the longest labels (a deadlock's).
        for (const name of ['ch03-box.html', 'ch09-locks-and-threads.html']) {
            test(`an output block's Copy button sits in its label's row, so the output starts at the block's top (${name})`, () =>
                onPage(name, PHONE, async ({ page }) => {
                    const { blocks, problems } = await page.evaluate(() => {
                        const out = [];
                        const pres = [...document.querySelectorAll('.output-label + pre')].filter(pre => pre.querySelector(':scope > .buttons button'));
                        for (const pre of pres) {
                            const code = pre.querySelector(':scope > code');
                            const range = document.createRange();
                            range.selectNodeContents(code);
                            const first = [...range.getClientRects()].find(r => r.width > 0);
                            const output = `"${code.textContent.trim().split('\n')[0].slice(0, 40)}"`;
                            const band = first.top - pre.getBoundingClientRect().top;
                            if (band > 24) out.push(`${output}: its first line starts ${band.toFixed(0)} px below the block's top`);
                            const label = pre.previousElementSibling;
                            const boxes = [['its label', label], ['what is above the label', label.previousElementSibling]];
                            for (const button of pre.querySelectorAll(':scope > .buttons button')) {
                                const b = button.getBoundingClientRect();
                                if (b.left < 0 || b.right > innerWidth) out.push(`${output}: ${button.title} is off the screen`);
                                for (const [what, element] of boxes) {
                                    const r = element?.getBoundingClientRect();
                                    if (r && r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top) {
                                        out.push(`${output}: ${button.title} covers ${what} (${element.textContent.trim().slice(0, 30)})`);
                                    }
                                }
                            }
                        }
                        return { blocks: pres.length, problems: out };
                    });
                    assert.ok(blocks > 10, `${name} has labelled output blocks with a Copy button: ${blocks}`);
                    assert.deepEqual(problems, [], 'output blocks at 390 px');
                }));
        }

        test('after Run the result is scrolled into view', () =>
            onPage('ch03-box.html', PHONE, async ({ page }) => {
                // The tallest runnable listing: its result lands below the screen's bottom edge.
                const heights = await runnable(page).evaluateAll(blocks => blocks.map(b => b.getBoundingClientRect().height));
                const tallest = heights.indexOf(Math.max(...heights));
                assert.ok(heights[tallest] > PHONE.height, `a listing taller than the phone's screen: ${heights[tallest]} px`);
                const block = runnable(page).nth(tallest);
                await block.evaluate(pre => pre.scrollIntoView({ block: 'start' }));
                await block.locator('.play-button').tap();
                const result = block.locator('.result').filter({ hasText: MOCK_RESULT });
                await result.waitFor({ timeout: 10000 });
                const inView = () => result.evaluate(r => {
                    const box = r.getBoundingClientRect();
                    return box.top >= 0 && box.bottom <= innerHeight;
                });
                // Scrolled smoothly: allow it a moment.
                for (let i = 0; i < 20 && !await inView(); i++) {
                    await page.waitForTimeout(100);
                }
                assert.ok(await inView(), `the result is on the screen: ${JSON.stringify(await result.boundingBox())}`);
            }));

        test('a diagram wider than the phone shows that it scrolls: its edge fades where more is to the side, without JavaScript', () =>
            onPage('ch03-box.html', { ...PHONE, javaScript: false }, ({ page }) => fadesWhereMoreIs(page, 'div.diagram', 'diagram', true)));

        test('so does a table wider than the phone', () =>
            onPage('ch07-rc-arc-weak.html', { ...PHONE, javaScript: false }, ({ page }) => fadesWhereMoreIs(page, 'div.table-wrapper', 'table', false)));

        // Every chapter's quiz answered by touch at 390 px has every input on the screen (checked
        // once, by hand), but not when the reader reaches it from the table of contents: its
        // link left the table open, and the open table pushes the page off the screen. ch01's
        // quiz has every kind of question.
        test('a quiz reached from the table of contents and answered by touch keeps every input on the screen (navy)', () =>
            onPage('ch01-smart-pointers.html', { ...PHONE, theme: 'navy' }, async ({ page, seen }) => {
                // The reader opens the table of contents and taps the chapter's "Quiz" section.
                await page.locator('#mdbook-sidebar-toggle').tap();
                await page.locator('#mdbook-sidebar a[href="#quiz"]').tap();
                const placeholder = page.locator('.quiz-placeholder').first();
                const questions = JSON.parse(await placeholder.getAttribute('data-quiz-questions')).questions;
                assert.deepEqual([...new Set(questions.map(q => q.type))].sort(), ['MultipleChoice', 'ShortAnswer', 'Tracing']);
                const offScreen = () => page.evaluate(() => [...document.querySelectorAll('.mdbook-quiz input, .mdbook-quiz textarea, .mdbook-quiz button')]
                    .map(input => [input, input.getBoundingClientRect()])
                    .filter(([, box]) => box.width > 0 && (box.left < 0 || box.right > innerWidth))
                    .map(([input, box]) => `${input.type} ${input.value.slice(0, 30)} at ${box.left.toFixed(0)}–${box.right.toFixed(0)} px`));
                const start = page.locator('.mdbook-quiz .start');
                await start.waitFor({ timeout: 15000 });
                assert.deepEqual(await offScreen(), [], 'the quiz\'s Start');
                await start.tap();
                for (const [index, question] of questions.entries()) {
                    await page.locator('.mdbook-quiz .counter', { hasText: `Question ${index + 1} /` }).waitFor({ timeout: 10000 });
                    assert.deepEqual(await offScreen(), [], `question ${index + 1} (${question.type}): inputs off the screen`);
                    const form = page.locator('.mdbook-quiz form.response');
                    const a = question.answer;
                    const choose = value => form.locator(`input[value=${JSON.stringify(value)}]`).tap();
                    if (question.type === 'MultipleChoice') {
                        for (const option of Array.isArray(a.answer) ? a.answer : [a.answer]) {
                            await choose(option);
                        }
                    } else if (question.type === 'ShortAnswer') {
                        await form.locator('input[type=text], textarea').first().fill(a.answer);
                    } else {
                        await choose(String(a.doesCompile));
                        if (a.doesCompile) {
                            await form.locator('textarea, input[type=text]').first().fill(a.stdout ?? '');
                        }
                    }
                    await form.locator('input[type=submit]').tap();
                }
                await page.locator('.mdbook-quiz', { hasText: /answered/i }).waitFor({ timeout: 10000 });
                assert.deepEqual(await offScreen(), [], 'the quiz\'s review');
                assert.deepEqual(seen.errors, []);
            }));

        test('a window narrowed to a phone\'s width with the table of contents open (a tablet turned) keeps the page on the screen', () =>
            onPage('ch02-deref-drop.html', {}, async ({ page }) => {
                assert.ok(await page.locator('#mdbook-sidebar').isVisible(), 'at 1280 px the table of contents is open');
                await page.setViewportSize({ width: PHONE.width, height: PHONE.height });
                // The chapter's text (its widest box) is on the screen once the table has slid
                // shut; if it never is, the assertion below says where it is.
                const onScreen = () => {
                    const box = document.querySelector('#mdbook-content main').getBoundingClientRect();
                    return box.left >= 0 && box.right <= innerWidth;
                };
                await page.waitForFunction(onScreen, null, { timeout: 5000 }).catch(() => {});
                const box = await page.locator('#mdbook-content main').evaluate(main => main.getBoundingClientRect().toJSON());
                assert.ok(box.left >= 0 && box.right <= PHONE.width, `the chapter is on the screen: ${JSON.stringify(box)}`);
            }));
    });
}
