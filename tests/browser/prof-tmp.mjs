import { open, start, stop } from './support.mjs';
await start();
const { page, close } = await open('ch13-choosing.html', {});
await page.locator('.quiz-placeholder').scrollIntoViewIfNeeded();
await page.locator('.mdbook-quiz .start').waitFor();
console.log(await page.evaluate(() => { const q = document.querySelector('.mdbook-quiz'); return [q.parentElement.className, q.parentElement.parentElement.className, document.querySelector('.quiz-placeholder').children.length, document.querySelector('.quiz-placeholder').outerHTML.slice(0, 100)]; }));
await close(); await stop();
