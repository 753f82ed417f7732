// Print: the PDF of the whole book, and print.html as paper shows it.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { base, chapters, diagramsDrawn, html, open, pages } from '../support.mjs';

export default function () {
    describe('print', { concurrency: true }, () => {
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
                const sheets = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
                assert.ok(sheets > 100, `the PDF has ${sheets} pages: the whole book`);
                assert.ok(pdf.toString('latin1').includes('/Title'), 'the PDF has a title');
            } finally {
                await close();
            }
            for (const name of pages) {
                assert.match(html(name), /class="pdf-link"/, `${name} links the PDF`);
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
                const expected = pages.reduce((sum, name) => sum + (html(name).match(/<div class="diagram"/g) ?? []).length, 0);
                assert.equal(diagrams, expected, 'all diagrams of all pages');
                // Every emoji of the book has a glyph in the fonts the PDF is printed with (without
                // an emoji font, ch01's crab printed as an empty box): a missing glyph is drawn as
                // the same box as a private-use character.
                const emoji = await page.evaluate(() => {
                    const canvas = document.createElement('canvas').getContext('2d');
                    canvas.font = getComputedStyle(document.querySelector('main p')).font;
                    const box = canvas.measureText('\u{10FFFD}').width;
                    const found = new Set(document.body.textContent.match(/\p{Extended_Pictographic}/gu) ?? []);
                    return { count: found.size, withoutGlyph: [...found].filter(e => canvas.measureText(e).width === box) };
                });
                assert.ok(emoji.count > 0, 'the book has emoji');
                assert.deepEqual(emoji.withoutGlyph, [], 'emoji without a glyph: apt-get install fonts-noto-color-emoji');
                // Printed, a marker or label stays on the page of its block. Pages are simulated
                // by columns of a page's height (1000 px of 700 px-wide text: about 250 A4 pages for
                // the book), which break like pages. A block taller than a page moves to a page of
                // its own (mdBook's print CSS avoids breaks inside code) and may leave its label.
                await page.emulateMedia({ media: 'print' });
                // A caption goes with its block too, and a caption, marker and block that together
                // are taller than a page must break somewhere, so they are not counted.
                const apart = await page.evaluate(pageHeight => {
                    const main = document.querySelector('main');
                    const labels = [...document.querySelectorAll('.listing-caption, .listing-marker, .output-label')].map(label => {
                        let block = label.nextElementSibling;
                        while (block?.matches('.listing-marker, .listing-lines')) block = block.nextElementSibling;
                        const first = label.previousElementSibling?.matches('.listing-caption') ? label.previousElementSibling : label;
                        const height = block ? block.getBoundingClientRect().bottom - first.getBoundingClientRect().top : 0;
                        return { label, block, height };
                    });
                    main.style.cssText = `columns: 700px; column-gap: 100px; column-fill: auto; height: ${pageHeight}px; width: 700px`;
                    const column = element => Math.floor(element.getClientRects()[0].left / 800);
                    const found = [];
                    for (const { label, block, height } of labels) {
                        if (block && column(label) !== column(block) && height < pageHeight) {
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
                    const quizzes = [...document.querySelectorAll('.quiz-placeholder, .mdbook-quiz, .quiz-screen-note')].filter(shown).length;
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
                const expectedLabels = pages.reduce((sum, name) => sum + (html(name).match(/class="output-label/g) ?? []).length, 0);
                assert.equal(labels, expectedLabels, 'all verified outputs of all pages');
            } finally {
                await close();
            }
        });
    });
}
