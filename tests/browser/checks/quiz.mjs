// What a chapter's quiz keeps, and how a keyboard reader gets past the table of contents.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { answerQuiz, onPage } from '../support.mjs';

export default function () {
    describe('quiz and keyboard', { concurrency: true }, () => {
        test('the quiz keeps the reader\'s answers across a reload (answered at 1280 px, reloaded at 390 px, navy)', () =>
            onPage('ch02-deref-drop.html', { theme: 'navy' }, async ({ page, seen }) => {
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
            }));

        test('without JavaScript a line says where the quiz would be and that it needs JavaScript', () =>
            onPage('ch02-deref-drop.html', { javaScript: false }, async ({ page }) => {
                const note = page.locator('.quiz-screen-note');
                await note.scrollIntoViewIfNeeded();
                assert.ok(await note.isVisible(), 'the line is shown');
                assert.match(await note.innerText(), /quiz \(\d+ questions\) .* needs JavaScript/);
            }));

        test('the first Tab reaches a skip link that leads past the table of contents to the chapter', () =>
            onPage('ch02-deref-drop.html', {}, async ({ page }) => {
                await page.keyboard.press('Tab');
                const skip = page.locator(':focus');
                assert.equal(await skip.innerText(), 'Skip to content');
                const box = await skip.boundingBox();
                assert.ok(box && box.x >= 0 && box.y >= 0 && box.width > 0, `the focused skip link is on screen: ${JSON.stringify(box)}`);
                await page.keyboard.press('Enter');
                await page.keyboard.press('Tab');
                assert.ok(await page.evaluate(() => document.activeElement.closest('main') !== null),
                    `the next Tab stop is in the chapter, not ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 120))}`);
            }));
    });
}
