import { open, start, stop, assertAccessible } from './support.mjs';
await start();
for (const name of ['ch03-box.html', 'ch09-locks-and-threads.html', 'ch03-box.html']) {
  const { page, close } = await open(name, {});
  const t = Date.now(); await assertAccessible(page, 'light'); console.log(name, 'axe+mark', Date.now() - t, 'ms');
  await close();
}
await stop();
