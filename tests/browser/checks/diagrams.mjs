// The diagrams, drawn as SVG when the book was built: they follow the reader's theme, print
// light, show without JavaScript, and scroll in their box on a phone.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertDiagramsReadable, chapters, diagramsDrawn, html, onPage, pages } from '../support.mjs';

/** The fill of the first diagram's first node and its text colour, as drawn now. */
const colours = page => page.evaluate(() => {
    const svg = [...document.querySelectorAll('div.diagram > svg')].find(s => getComputedStyle(s).display !== 'none');
    const node = svg.querySelector('.node rect, .node polygon, rect.actor, g.classGroup rect, .node path');
    return { node: getComputedStyle(node).fill, text: getComputedStyle(svg.querySelector('.nodeLabel, text') ?? svg).color };
});
const luminance = rgb => {
    const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map(Number).map(c => c / 255).map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

export default function () {
    describe('diagrams', { concurrency: true }, () => {
        const withDiagram = chapters.find(name => html(name).includes('class="diagram"'));

        test('follow the reader\'s theme, print light from a dark theme', () => {
            assert.ok(withDiagram, 'some chapter has a diagram');
            return onPage(withDiagram, { theme: 'coal' }, async ({ page, seen }) => {
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
            });
        });

        // The drawings are in the page: they show without JavaScript, before any script runs.
        test('show without JavaScript, readable at 390 px', () =>
            onPage(withDiagram, { javaScript: false, width: 390, height: 844 }, async ({ page }) => {
                const count = await diagramsDrawn(page);
                assert.ok(count > 0);
                await assertDiagramsReadable(page, withDiagram, '390 px without JavaScript');
            }));

        test('a diagram wider than a phone scrolls in its box, by keyboard too', () =>
            onPage('ch03-box.html', { width: 390, height: 844 }, async ({ page }) => {
                const wide = page.locator('div.diagram').filter({ has: page.locator('svg') });
                const index = await wide.evaluateAll(boxes => boxes.findIndex(box => box.scrollWidth > box.clientWidth + 50));
                assert.ok(index >= 0, 'ch03 has a diagram wider than a phone');
                const box = wide.nth(index);
                await box.focus();
                await page.keyboard.press('ArrowRight');
                await page.waitForFunction(element => element.scrollLeft > 0, await box.elementHandle(), { timeout: 5000 });
            }));

        // postbuild.mjs renames mermaid's random element ids; a label word that happened to be an
        // id ("heap") was once renamed with them ("the d2c66b75c-9 address").
        test('every label reads as written: no element id in a diagram\'s text', () => {
            const renamed = [];
            for (const name of pages) {
                for (const [svg] of html(name).matchAll(/<svg[\s\S]*?<\/svg>/g)) {
                    if (!/^<svg[^>]*\bclass="[^"]*\bdiagram-(both|light|dark)\b/.test(svg)) continue;
                    const ids = new Set([...svg.matchAll(/\bid="([^"]+)"/g)].map(m => m[1]));
                    const text = svg.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ');
                    for (const word of text.split(/[^\w-]+/)) {
                        if (ids.has(word)) renamed.push(`${name}: "${word}" in ${text.trim().replace(/\s+/g, ' ').slice(0, 80)}`);
                    }
                }
            }
            assert.deepEqual(renamed, [], 'diagram text that is an element id');
        });

        test('mermaid is loaded by no page', () =>
            onPage('introduction.html', { weigh: true }, async ({ page, seen }) => {
                const scripts = await page.evaluate(() => [...document.scripts].map(s => s.src).filter(Boolean));
                assert.ok(!scripts.some(src => src.includes('mermaid')), 'no mermaid script');
                assert.ok(!scripts.some(src => src.includes('quiz-embed')), 'no quiz bundle');
                console.log(`introduction.html transferred ${(seen.bytes / 1024).toFixed(0)} KiB`);
                assert.ok(seen.bytes < 600 * 1024, `a diagram-free page weighs ${seen.bytes} bytes`);
            }));
    });
}
