// The build steps that need a browser, run by `cargo xtask test` (xtask/src/diagrams.rs) right
// after `mdbook build`, over book/html, with the chromium the browser suite uses:
//   1. every mermaid diagram is drawn once and written into the pages as SVG (postbuild/diagrams.mjs);
//   2. the search index is rebuilt from the pages as the reader reads them (postbuild/search.mjs);
//   3. pages are prepared for paper, and print.html is printed to a PDF that every page links
//      (postbuild/print.mjs).
// It lives beside the browser suite because it uses the suite's packages (package-lock.json).
//
// usage: node postbuild.mjs [BOOK_HTML_DIR]

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { INSTALL, chromiumPath, launch } from './chromium.mjs';
import { prerender } from './postbuild/diagrams.mjs';
import { makePdf, preparePages, PDF } from './postbuild/print.mjs';
import { rebuildIndex } from './postbuild/search.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const site = path.resolve(process.argv[2] ?? path.join(root, 'book/html'));

const TYPES = {
    '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
    '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.toml': 'text/plain',
};

function fail(message) {
    console.error(`postbuild: ${message}`);
    process.exit(1);
}

if (!fs.existsSync(path.join(site, 'index.html'))) fail(`${site} holds no built book (run mdbook build first)`);
// The steps change the pages in place: a second run would link the PDF twice and escape the
// search index's headings twice.
if (fs.readFileSync(path.join(site, 'index.html'), 'utf8').includes('class="pdf-link"')) {
    fail(`${site} was already post-processed: run mdbook build first`);
}
if (!fs.existsSync(chromiumPath)) fail(`${chromiumPath} is missing: install it with \`${INSTALL}\``);

// Served over http (not file://) so the pages behave as a reader's do: scripts, fonts, storage.
const server = http.createServer((request, response) => {
    const file = path.join(site, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!file.startsWith(site) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        response.writeHead(404).end();
        return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
try {
    const started = Date.now();
    const { report, diagrams } = await prerender(browser, base, site);
    const smallest = Math.min(...diagrams.map(d => d.light.minText));
    const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    console.log(`postbuild: ${diagrams.length} diagrams drawn as SVG into ${report.map(r => `${r.name} (${r.count})`).join(', ')}; smallest text ${smallest} px; ${seconds()}`);
    const entries = await rebuildIndex(browser, base, site);
    console.log(`postbuild: search index rebuilt from the pages, ${entries} entries; ${seconds()}`);
    const changed = preparePages(site);
    const { bytes, pages } = await makePdf(browser, base, site);
    console.log(`postbuild: ${changed} pages prepared for print; ${PDF}: ${pages} pages, ${bytes} bytes; ${seconds()}`);
} catch (error) {
    fail(error.stack ?? String(error));
} finally {
    await browser.close();
    server.close();
}
