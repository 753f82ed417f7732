// Draws every mermaid diagram of the built book once, at build time, and puts the SVGs in the
// pages, so a reader's page needs no diagram JavaScript (mermaid is 2.6 MB) and never shows the
// diagram's source while mermaid loads.
//
// The diagrams are drawn by the book's own page and script (theme/diagrams.js, which draws them
// for `mdbook serve`), in the page's own fonts and CSS, so they look as they did when the reader's
// browser drew them: once in the light theme and once in a dark one. Both variants go into the
// page; theme/reader.css shows the one that suits the reader's theme, and the light one in print.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

// Text in a diagram is never drawn smaller than this (CSS px): a wide diagram keeps a minimum
// width and scrolls sideways in its box instead of shrinking to the column.
export const MIN_TEXT_PX = 12;
const DARK = 'navy';

const BLOCK = /<pre class="mermaid">([\s\S]*?)<\/pre>/g;

function unescape(html) {
    return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
}

const key = source => crypto.createHash('sha256').update(source).digest('hex').slice(0, 8);

/** The diagrams' sources of one page, in page order. */
function sources(html) {
    return [...html.matchAll(BLOCK)].map(match => unescape(match[1]));
}

/**
 * Opens `name` (a page with diagrams) in the light theme, lets theme/diagrams.js draw them,
 * then switches to a dark theme as mdBook does; returns, per diagram and theme, the SVG, its
 * style rules, its width and its smallest text.
 */
async function draw(browser, base, name) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('mdbook-theme', 'light'));
    const errors = [];
    try {
        const page = await context.newPage();
        page.on('pageerror', error => errors.push(error.message));
        await page.goto(base + name, { waitUntil: 'load' });
        const grab = async mark => {
            await page.waitForFunction(m => document.documentElement.dataset.diagrams === m, mark, { timeout: 60000 });
            return page.evaluate(() => [...document.querySelectorAll('pre.mermaid')].map(pre => {
                const svg = pre.querySelector('svg');
                // The smallest text, in CSS px at the SVG's own size (its viewBox).
                const sizes = [...svg.querySelectorAll('text, tspan, foreignObject *')]
                    .filter(element => element.textContent.trim() !== '')
                    .map(element => parseFloat(getComputedStyle(element).fontSize));
                const rules = [...svg.querySelector('style').sheet.cssRules]
                    .map(rule => ({ selector: rule.selectorText ?? null, body: rule.style?.cssText ?? null, text: rule.cssText }));
                const copy = svg.cloneNode(true);
                copy.querySelector('style').remove();
                return { svg: copy.outerHTML, rules, width: svg.viewBox.baseVal.width, minText: Math.min(...sizes) };
            }));
        };
        const light = await grab('default');
        await page.evaluate(dark => {
            document.documentElement.classList.remove('light');
            document.documentElement.classList.add(dark);
        }, DARK);
        const dark = await grab('dark');
        if (errors.length > 0) {
            throw new Error(`${name}: ${errors.join('; ')}`);
        }
        return light.map((l, i) => ({ light: l, dark: dark[i] }));
    } finally {
        await context.close();
    }
}

const escapeRegExp = text => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * mermaid names a diagram's elements after a random number: renames every id, in order of
 * appearance, to `prefix`, `prefix-1`, ..., so a build gives the same page twice and the
 * light and dark drawings of a diagram the same names. Returns the renaming function, which
 * changes ids only where they are ids: `id` and the id lists of `aria-labelledby` and
 * `aria-describedby`, and references `#id` (`href`, `url(#id)`, CSS selectors). Label text is
 * left alone: a node whose id is `heap` has "heap" in its label too.
 */
function idRenamer(svg, prefix) {
    const ids = [...new Set([...svg.matchAll(/\bid="([^"]+)"/g)].map(m => m[1]))];
    const root = /^<svg[^>]*?\bid="([^"]+)"/.exec(svg)[1];
    const names = new Map(ids.filter(id => id !== root).map((id, i) => [id, `${prefix}-${i + 1}`]));
    names.set(root, prefix);
    // Longest first, so `mermaid-1` does not rename a part of `mermaid-1_pointEnd`.
    const alternatives = [...names.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
    const reference = new RegExp(`#(${alternatives})(?![\\w-])`, 'g');
    const lists = /\b(id|aria-labelledby|aria-describedby)="([^"]*)"/g;
    return text => text
        .replace(reference, (_, id) => `#${names.get(id)}`)
        .replace(lists, (_, attribute, value) => `${attribute}="${value.split(' ').map(id => names.get(id) ?? id).join(' ')}"`);
}

function normalise(variant, prefix) {
    const rename = idRenamer(variant.svg, prefix);
    return {
        svg: rename(variant.svg),
        rules: variant.rules.map(r => ({ selector: r.selector && rename(r.selector), body: r.body, text: rename(r.text) })),
    };
}

function escapeAttribute(text) {
    return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

// The dark themes of mdBook; theme/reader.css knows them too.
const DARK_SCOPE = ':is(html.coal, html.navy, html.ayu)';

/**
 * Gives the SVG its class and its style. mermaid scopes a diagram's style by the SVG's id, so
 * every diagram of a kind carries the same 5-8 KB of rules: they are scoped by a class named
 * after the rules instead, and a page gets each set of rules once (`emitted`).
 */
function withStyle(svg, css, id, variant, emitted) {
    const scoped = css.replace(new RegExp(`#${escapeRegExp(id)}(?![\\w-])`, 'g'), '.SCOPE');
    const shared = !scoped.includes(id);
    const scope = shared ? `ds${key(scoped)}` : null;
    const style = !shared ? `<style>${css}</style>`
        : emitted.has(scope) ? '' : `<style>${scoped.replaceAll('.SCOPE', `.${scope}`)}</style>`;
    if (shared) emitted.add(scope);
    return svg
        // mermaid fixes max-width inline, which would beat the stylesheet's sizes.
        .replace(/^<svg([^>]*?) style="[^"]*"/, '<svg$1')
        .replace(/^<svg([^>]*?) class="([^"]*)"/, `<svg$1 class="$2 diagram-${variant}${scope ? ` ${scope}` : ''}"`)
        .replace(/^(<svg[^>]*>(?:<title[^<]*<\/title>)?(?:<desc[^<]*<\/desc>)?)/, `$1${style}`);
}

/**
 * When the dark drawing is the light one with other colours in some fill and stroke attributes
 * (mermaid's class diagrams write node colours into the SVG), the changes as
 * [attribute, light, dark]; a rule in the dark theme's style can make them. null when the
 * drawings differ otherwise.
 */
function colourChanges(light, dark) {
    const attribute = /\b(fill|stroke)="([^"]*)"/g;
    const a = light.split(attribute);
    const b = dark.split(attribute);
    if (a.length !== b.length) return null;
    const changes = new Map();
    for (let i = 0; i < a.length; i++) {
        if (i % 3 === 2) {
            const change = `${a[i - 1]}="${a[i]}"`;
            if (a[i] !== b[i] && (changes.get(change) ?? b[i]) !== b[i]) return null;
            if (a[i] !== b[i]) changes.set(change, b[i]);
        } else if (a[i] !== b[i]) {
            return null;
        }
    }
    return [...changes].map(([change, to]) => [...change.match(/^(\w+)="(.*)"$/).slice(1), to]);
}

/**
 * The markup that replaces one `<pre class="mermaid">`: one SVG whose style has the light
 * colours and, for screens in a dark theme, the dark ones (print always gets light) — or,
 * when the two drawings differ in more than colours, both SVGs, one shown at a time.
 */
function figure(drawn, id, emitted) {
    const light = normalise(drawn.light, id);
    const dark = normalise(drawn.dark, id);
    const lightCss = light.rules.map(r => r.text).join('');
    let svgs;
    const colours = colourChanges(light.svg, dark.svg);
    if (colours !== null) {
        const same = new Set(light.rules.map(r => r.text));
        const darkCss = dark.rules.filter(r => r.selector && !same.has(r.text))
            .map(r => `${DARK_SCOPE} :is(${r.selector}){${r.body}}`)
            .concat(colours.map(([attribute, from, to]) => `${DARK_SCOPE} #${id} [${attribute}="${from}"]{${attribute}:${to}}`))
            .join('');
        svgs = withStyle(light.svg, `${lightCss}@media screen{${darkCss}}`, id, 'both', emitted);
    } else {
        const own = normalise(drawn.dark, `${id}-dark`);
        svgs = withStyle(light.svg, lightCss, id, 'light', emitted)
            + withStyle(own.svg, own.rules.map(r => r.text).join(''), `${id}-dark`, 'dark', emitted);
    }
    const width = Math.ceil(drawn.light.width);
    const minText = Math.min(drawn.light.minText, drawn.dark.minText);
    // Shrunk to the column, the text would go under MIN_TEXT_PX: the SVG keeps this width.
    const minWidth = Math.min(width, Math.ceil(width * MIN_TEXT_PX / minText));
    const title = /<title[^>]*>([^<]*)<\/title>/.exec(light.svg)?.[1] ?? 'Diagram';
    // The box scrolls when the diagram is wider than the column, so it can take the keyboard's
    // focus (arrow keys scroll it) and is named for a screen reader.
    return `<div class="diagram" role="group" tabindex="0" aria-label="Diagram: ${escapeAttribute(title)}"`
        + ` data-min-text="${minText}" style="--diagram-width: ${width}px; --diagram-min-width: ${minWidth}px">`
        + svgs + '</div>';
}

/**
 * Draws the diagrams of every page under `site` and writes them into the pages (print.html
 * included, which holds every chapter's). Returns what it did, per page.
 */
export async function prerender(browser, base, site) {
    const files = fs.readdirSync(site).filter(f => f.endsWith('.html'));
    const withDiagrams = files.filter(f => f !== 'print.html'
        && fs.readFileSync(path.join(site, f), 'utf8').includes('<pre class="mermaid">'));
    const drawnBySource = new Map();
    // Two pages at a time: the machine has two cores.
    const queue = [...withDiagrams];
    const worker = async () => {
        for (let name; (name = queue.shift()) !== undefined;) {
            const html = fs.readFileSync(path.join(site, name), 'utf8');
            const drawn = await draw(browser, base, name);
            const list = sources(html);
            if (drawn.length !== list.length) {
                throw new Error(`${name}: ${list.length} diagrams in the file, ${drawn.length} drawn`);
            }
            list.forEach((source, i) => drawnBySource.set(source, drawn[i]));
        }
    };
    await Promise.all([worker(), worker()]);
    const report = [];
    for (const name of files) {
        const file = path.join(site, name);
        const html = fs.readFileSync(file, 'utf8');
        const seen = new Map();
        const emitted = new Set();
        let count = 0;
        const out = html.replace(BLOCK, (_, escaped) => {
            const source = unescape(escaped);
            const drawn = drawnBySource.get(source);
            if (!drawn) {
                throw new Error(`${name}: a diagram that no chapter page has: ${source.slice(0, 80)}`);
            }
            // The same diagram twice on one page (print.html never has that) gets a second id.
            const n = (seen.get(source) ?? 0) + 1;
            seen.set(source, n);
            count++;
            return figure(drawn, `d${key(source)}${n > 1 ? `-${n}` : ''}`, emitted);
        });
        if (count > 0) {
            fs.writeFileSync(file, out);
            report.push({ name, count });
        }
    }
    return { report, diagrams: [...drawnBySource.values()] };
}
