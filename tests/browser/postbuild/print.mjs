// The printed book: what print.html (and any page) needs on paper, and a PDF of the whole book
// made from print.html by the same chromium, linked from every page's menu bar.

import fs from 'node:fs';
import path from 'node:path';

export const PDF = 'smart-pointers-in-rust.pdf';

const unescape = html => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * Paper cannot scroll, and mdBook's print style wraps long lines, which breaks the carets and
 * underlines of a compiler error. A text block with lines longer than a listing's 80 columns
 * gets its width in columns (`--columns`), so theme/reader.css prints it unwrapped, in a type
 * small enough to fit the page.
 */
function markColumns(html) {
    return html.replace(/<pre>(<code class="language-text[^"]*">)([\s\S]*?)<\/code><\/pre>/g, (whole, open, body) => {
        const columns = Math.max(...unescape(body).split('\n').map(line => [...line].length));
        return columns > 80 ? `<pre style="--columns: ${columns}">${open}${body}</code></pre>` : whole;
    });
}

/**
 * A quiz is a program: on paper it is a line saying where to take it, and on a screen a line
 * saying it is there until it has loaded, or for good without JavaScript (theme/reader.css shows
 * each where it belongs, and hides the quiz on paper).
 */
function quizNote(html) {
    return html.replace(/<div class="quiz-placeholder"[^>]*data-quiz-questions="([^"]*)"[^>]*>\s*<\/div>/g, (whole, data) => {
        // Each question has one type; the answers and prompts have none.
        const questions = (data.match(/&quot;type&quot;:&quot;(MultipleChoice|ShortAnswer|Tracing)&quot;/g) ?? []).length;
        return `${whole}<p class="quiz-print-note">This chapter’s quiz (${questions} questions) is interactive: take it at the end of the chapter in the book’s web version.</p>`
            + `<p class="quiz-screen-note">This chapter’s quiz (${questions} questions) starts here once its script has loaded. It needs JavaScript.</p>`;
    });
}

/** The menu bar's link to the PDF, beside mdBook's print button. */
function pdfLink(html) {
    return html.replace('<div class="right-buttons">', `<div class="right-buttons">
                        <a href="${PDF}" title="Download the whole book as a PDF" aria-label="Download the whole book as a PDF" class="pdf-link">PDF</a>`);
}

/** Prepares every page of `site` for print and links the PDF. Returns the pages changed. */
export function preparePages(site) {
    let changed = 0;
    for (const name of fs.readdirSync(site).filter(f => f.endsWith('.html'))) {
        const file = path.join(site, name);
        const html = fs.readFileSync(file, 'utf8');
        const out = quizNote(markColumns(pdfLink(html)));
        if (out !== html) {
            fs.writeFileSync(file, out);
            changed++;
        }
    }
    return changed;
}

/** Prints print.html, in the light theme, to the PDF. Returns its size in bytes and pages. */
export async function makePdf(browser, base, site) {
    const context = await browser.newContext();
    await context.addInitScript(() => {
        localStorage.setItem('mdbook-theme', 'light');
        // print.html opens the print dialog when it has loaded.
        window.print = () => {};
    });
    try {
        const page = await context.newPage();
        await page.goto(base + 'print.html', { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        const file = path.join(site, PDF);
        await page.pdf({
            path: file,
            format: 'A4',
            printBackground: true,
            margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
            displayHeaderFooter: true,
            headerTemplate: '<span></span>',
            footerTemplate: '<div style="font-size: 8px; width: 100%; text-align: center; color: #555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
        });
        const bytes = fs.statSync(file).size;
        const pages = (fs.readFileSync(file, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        return { bytes, pages };
    } finally {
        await context.close();
    }
}
