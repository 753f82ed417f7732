// The exercise pages: every starter carries the exercise marker and its report the exercise
// label; solutions are hidden until the reader opens them and visible when opened, at 1280 and
// 390 px; Run on a starter sends the code as edited, starter plus tests, to the playground's test
// mode (mocked: nothing leaves 127.0.0.1).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { KINDS, MOCK_TEST_RESULT, exercisePages } from '../support.mjs';

// The exercise kind's marker and label, from the model the pages are labelled from.
const EXERCISE = KINDS.find(kind => kind.name === 'exercise');

/** Every solution on the page starts closed and hidden, and shows its code and tests when opened. */
export async function solutionsHiddenUntilOpened(page, name, width) {
    const solutions = page.locator('details.solution');
    const count = await solutions.count();
    assert.ok(count > 0, `${name}: no <details class="solution">`);
    for (let i = 0; i < count; i++) {
        const details = solutions.nth(i);
        const code = details.locator('pre code').first();
        assert.equal(await details.getAttribute('open'), null, `${name} at ${width} px: solution ${i + 1} starts open`);
        assert.equal(await code.isVisible(), false, `${name} at ${width} px: solution ${i + 1} is visible before it is opened`);
        await details.locator('summary').click();
        assert.equal(await code.isVisible(), true, `${name} at ${width} px: solution ${i + 1} stays hidden when opened`);
        assert.match(await code.innerText(), /#\[cfg\(test\)\]/, `${name}: solution ${i + 1} lacks its tests`);
    }
}

/**
 * An exercise page's exercises at 1280 px, as a reader uses them: markers and labels from the
 * model, Run on each starter after typing an edit sends starter plus tests with the edit, and
 * each solution is hidden until opened. Leaves the solutions open.
 */
export async function exercisesWork(page, seen, name) {
    const markers = page.locator('.listing-marker.marker-exercise');
    const count = await markers.count();
    assert.ok(count > 0, `${name}: no exercise marker`);
    assert.equal(await markers.first().innerText(), EXERCISE.marker);
    assert.equal(await page.locator('.output-label.label-exercise').first().innerText(), EXERCISE.label);
    assert.equal(await page.locator('details.solution .listing-marker.marker-solution').count(), count, `${name}: a solution marker per exercise`);
    assert.equal(await page.locator('details.solution .output-label.label-solution').count(), count, `${name}: a solution report per exercise`);

    const starters = page.locator('.marker-exercise + pre');
    assert.equal(await starters.count(), count, `${name}: a starter per exercise marker`);
    const runs = seen.runs.length;
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
        await page.waitForFunction(([p, text]) => p.querySelector('.result')?.textContent.includes(text), [await pre.elementHandle(), MOCK_TEST_RESULT]);
        const sent = seen.runs.at(-1);
        assert.equal(sent.tests, true, `${name}: Run did not ask for the tests`);
        assert.equal(sent.crateType, 'lib');
        assert.ok(sent.code.includes('#[cfg(test)]') && sent.code.startsWith(before.trimEnd()), `${name}: Run did not send starter plus tests`);
        assert.ok(sent.code.trimEnd().endsWith('// s/? edited'), `${name}: the edit did not reach the code sent`);
    }
    assert.equal(seen.runs.length - runs, count);
    await solutionsHiddenUntilOpened(page, name, 1280);
}

/** Closes the solutions the reader opened, as the reader does: with a click on each summary. */
export async function closeSolutions(page) {
    const open = page.locator('details.solution[open] > summary');
    while (await open.count() > 0) {
        await open.first().click();
    }
}

// The exercise pages themselves are checked on the visit every page gets (pages.mjs), which
// calls the functions above: a page load each is most of what a check of a page costs.
export default function () {
    describe('exercises', () => {
        test('the book has exercise pages, linked from the table of contents, and the model an exercise kind', () => {
            assert.ok(exercisePages.length > 0, 'src/SUMMARY.md links no exercises page');
            assert.ok(EXERCISE, 'the model has an exercise kind');
        });
    });
}
