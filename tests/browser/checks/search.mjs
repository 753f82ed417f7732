// Search, over the index tests/browser/postbuild/search.mjs rebuilt from the pages as read.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { KINDS, chapters, html, onPage, pages, searchIndex } from '../support.mjs';

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

/** Each indexed section's text by its link. */
function indexedSections() {
    const { doc_urls: urls, index } = searchIndex();
    return new Map(urls.map((url, id) => [url, index.documentStore.docs[id].body]));
}

/** A long word that appears in exactly one chapter's text (and not in the introduction). */
function wordInOneChapter() {
    const text = name => html(name)
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

export default function () {
    describe('search', { concurrency: true }, () => {
        test('finds a word that occurs in only one chapter and links to it', () => {
            const [word, chapter] = wordInOneChapter();
            return onPage('introduction.html', {}, async ({ page }) => {
                await page.keyboard.press('s');
                await page.locator('#mdbook-searchbar').waitFor({ state: 'visible' });
                await page.keyboard.type(word, { delay: 20 });
                const first = page.locator('#mdbook-searchresults a').first();
                await first.waitFor({ timeout: 10000 });
                const targets = await page.locator('#mdbook-searchresults a').evaluateAll(links => links.map(a => a.getAttribute('href')));
                assert.ok(targets.some(href => href.startsWith(chapter)), `"${word}" should lead to ${chapter}; got ${targets}`);
                await first.click();
                await page.waitForURL(url => url.pathname.endsWith(chapter.split('#')[0]));
            });
        });

        for (const [width, theme] of [[1280, 'light'], [390, 'coal']]) {
            test(`shows headings with their generics, finds paths like Cow::to_mut, and needs every word (${width} px, ${theme})`, () =>
                onPage('introduction.html', { theme, width, height: 844 }, async ({ page }) => {
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
                }));
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
}
