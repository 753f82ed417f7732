// Rebuilds mdBook's search index from the pages as the reader reads them. mdBook indexes its
// own rendering of the Markdown, which (0.5.4) shows readers three faults: a heading's breadcrumb
// is written into the results as HTML, so `Arc<Mutex<T>>` shows as "Arc>"; a diagram's mermaid
// source and a listing's marker ("Deadlocks") are indexed as text, glued to the code after them;
// and a word is whatever lies between spaces, so `Cow::to_mut(&mut` is one word and neither
// `Cow::to_mut` nor `to_mut` finds it.
//
// Here every section (each of mdBook's search entries, a heading and the text up to the next
// one) is read from the built page: its text without diagram sources, markers, labels, hidden
// lines or buttons, with a space wherever one block ends; a diagram is indexed by its title and
// description. The index is built with the elasticlunr the book ships (so the searcher loads
// it as before), with mdBook's fields and pipeline, and each word of code also under its parts:
// `Cow::to_mut(&mut` under `cow::to_mut(&mut`, `cow::to_mut`, `cow`, `to_mut` and `mut`.

import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** The file mdBook wrote the index to, its text, and the object it assigns. */
function readIndex(site) {
    const names = fs.readdirSync(site).filter(f => /^searchindex(-[0-9a-f]+)?\.js$/.test(f));
    if (names.length !== 1) {
        throw new Error(`expected one searchindex*.js in ${site}, found ${names.length}`);
    }
    const file = path.join(site, names[0]);
    const sandbox = { window: { search: {} } };
    vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox);
    return { file, config: sandbox.window.search };
}

function loadElasticlunr(site) {
    const name = fs.readdirSync(site).find(f => /^elasticlunr(-[0-9a-f]+)?\.min\.js$/.test(f));
    if (!name) throw new Error(`no elasticlunr*.min.js in ${site}`);
    const sandbox = {};
    vm.runInNewContext(fs.readFileSync(path.join(site, name), 'utf8'), sandbox);
    if (!sandbox.elasticlunr) throw new Error(`${name} did not define elasticlunr`);
    return sandbox.elasticlunr;
}

/** Reads every entry's section from the built pages, in the browser: [url, {title, body, crumb}]. */
async function sections(browser, base, urls) {
    const context = await browser.newContext({ javaScriptEnabled: true });
    try {
        const page = await context.newPage();
        // A page of the book's own origin, so that fetch reaches the pages.
        await page.goto(base + '404.html');
        return await page.evaluate(async urls => {
            const pages = new Map();
            for (const url of urls) {
                const file = url.split('#')[0];
                if (!pages.has(file)) {
                    const html = await (await fetch(file)).text();
                    pages.set(file, new DOMParser().parseFromString(html, 'text/html'));
                }
            }
            const BLOCKS = 'p, li, pre, div, td, th, tr, h1, h2, h3, h4, h5, h6, br, blockquote, dt, dd, figure, table, ul, ol';
            const SKIPPED = '.listing-marker, .output-label, .listing-caption a, .boring, button, .buttons, script, style, .quiz-placeholder, .listing-lines, .line-numbers, .diagram svg';
            const text = node => {
                const copy = node.cloneNode(true);
                if (copy.nodeType !== 1) return copy.textContent;
                // A diagram is read as its title and description.
                for (const diagram of copy.querySelectorAll('.diagram')) {
                    const svg = diagram.querySelector('svg');
                    const words = [svg?.querySelector('title')?.textContent, svg?.querySelector('desc')?.textContent].filter(Boolean).join('. ');
                    diagram.replaceWith(copy.ownerDocument.createTextNode(` ${words} `));
                }
                const root = copy.matches(SKIPPED) ? null : copy;
                if (!root) return ' ';
                root.querySelectorAll(SKIPPED).forEach(e => e.remove());
                root.querySelectorAll(BLOCKS).forEach(e => e.after(' '));
                return ` ${root.textContent} `;
            };
            const out = [];
            for (const url of urls) {
                const [file, id] = url.split('#');
                const doc = pages.get(file);
                const heading = id ? doc.getElementById(id) : doc.querySelector('main h1');
                if (!heading) {
                    out.push([url, null]);
                    continue;
                }
                // The section: what follows the heading up to the next heading (mdBook puts
                // headings straight into main, beside the paragraphs they head).
                let body = '';
                for (let node = heading.nextSibling; node && !(node.nodeType === 1 && /^H[1-6]$/.test(node.tagName)); node = node.nextSibling) {
                    body += node.nodeType === 1 ? text(node) : node.nodeType === 3 ? node.textContent : '';
                }
                const title = heading.textContent.trim();
                out.push([url, { title, body: body.replace(/\s+/g, ' ').trim() }]);
            }
            return out;
        }, urls);
    } finally {
        await context.close();
    }
}

/** A word and its parts, for the index: `Cow::to_mut(&mut` → itself, cow::to_mut, cow, to_mut, mut. */
export function words(text) {
    const out = [];
    for (const word of String(text ?? '').toLowerCase().split(/[\s-]+/)) {
        if (word === '') continue;
        const variants = new Set([word]);
        for (const part of word.split(/[^\w:]+/)) {
            const trimmed = part.replace(/^:+|:+$/g, '');
            if (trimmed) variants.add(trimmed);
            for (const piece of trimmed.split(/:+/)) if (piece) variants.add(piece);
        }
        out.push(...variants);
    }
    return out;
}

const escapeHtml = text => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Rewrites the search index of the book in `site`; returns the number of entries. */
export async function rebuildIndex(browser, base, site) {
    const { file, config } = readIndex(site);
    const elasticlunr = loadElasticlunr(site);
    const old = config.index;
    const found = await sections(browser, base, config.doc_urls);
    const missing = found.filter(([, s]) => s === null).map(([url]) => url);
    if (missing.length > 0) {
        throw new Error(`search entries whose heading is not in the built page: ${missing.join(', ')}`);
    }
    const index = elasticlunr(function () {
        this.setRef('id');
        for (const field of old.fields) this.addField(field);
        // mdBook's pipeline: trimmer, stop words, stemmer (the index says so; checked here).
        if (JSON.stringify(this.pipeline.toJSON()) !== JSON.stringify(old.pipeline)) {
            throw new Error(`mdBook's index uses the pipeline ${old.pipeline}, elasticlunr's default is ${this.pipeline.toJSON()}`);
        }
    });
    const tokenizer = elasticlunr.tokenizer;
    elasticlunr.tokenizer = words;
    found.forEach(([, section], id) => {
        const crumbs = old.documentStore.docs[id]?.breadcrumbs?.split(' » ') ?? [section.title];
        // mdBook's breadcrumb is the chapter's name then the heading: keep the first, give the
        // heading its real text. The searcher writes it into the page as HTML: escape it.
        crumbs[crumbs.length - 1] = section.title;
        const breadcrumbs = crumbs.join(' » ');
        index.addDoc({ id: String(id), title: section.title, body: section.body, breadcrumbs });
        index.documentStore.docs[String(id)].breadcrumbs = escapeHtml(breadcrumbs);
    });
    elasticlunr.tokenizer = tokenizer;
    config.index = index.toJSON();
    fs.writeFileSync(file, `window.search = Object.assign(window.search, ${JSON.stringify(config)});\n`);
    return found.length;
}
