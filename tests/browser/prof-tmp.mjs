import fs from 'node:fs';
import * as s from './support.mjs';
const busy = () => { const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number); return f[0]+f[1]+f[2]+f[5]+f[6]+f[7]; };
await s.start();
for (const name of process.argv.slice(2)) {
  let t = Date.now(), b = busy(); const rows = [];
  const lap = label => { const now = Date.now(), nb = busy(); rows.push(`${label.padEnd(20)} ${(now - t).toString().padStart(6)} ms ${((nb - b) / 100).toFixed(1).padStart(5)} cpu-s`); t = now; b = nb; };
  const { page, close } = await s.open(name, { weigh: true }); lap('open+weigh');
  await s.diagramsDrawn(page); await s.assertDiagramsReadable(page, name, 'x'); lap('diagrams');
  if (s.chapters.includes(name)) { await s.answerQuiz(page); lap('quiz'); }
  await s.assertAccessible(page, 'light', false); lap('axe light');
  await page.click('#mdbook-theme-toggle'); await page.click('#mdbook-theme-navy'); await page.keyboard.press('Escape'); lap('theme');
  await page.setViewportSize({ width: 390, height: 844 }); await s.diagramsDrawn(page); await s.assertDiagramsReadable(page, name, 'x'); lap('390 diagrams');
  await s.assertAccessible(page, 'navy', false, true); lap('axe navy colours');
  await close(); lap('close');
  console.log(name + '\n' + rows.join('\n'));
}
await s.stop();
