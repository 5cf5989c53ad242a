import { join } from 'node:path';
import { launchWithExtension } from './lib/browser.mjs';
import { articlePage } from './lib/bench-data.mjs';
import { openOptions, removeStarterPack, importThroughOptions } from './lib/bench-browser.mjs';
import { startStaticServer } from './lib/static-server.mjs';
const bytes = Number(process.argv[2] ?? 1048576);
const runs = Number(process.argv[3] ?? 3);
const { html } = articlePage(bytes, { title: 'Bench article' });
const server = await startStaticServer({ root: join(import.meta.dirname, '../tests/fixtures'), routes: { '/a.html': () => ({ body: html }) } });
const session = await launchWithExtension({ extension: '/work/main/.output/bench/chrome-mv3' });
const options = await openOptions(session);
await removeStarterPack(options);
await importThroughOptions(options, '/tmp/bs/b100.json', { timeout: 60000 });
await options.close();
for (let run = 0; run < runs; run++) {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'toplevel,renderer,devtools.timeline,blink,v8.execute', transferMode: 'ReportEvents' });
  await page.goto(`${server.origin}/a.html`);
  await page.waitForTimeout(bytes > 2e6 ? 9000 : 5000);
  await cdp.send('Tracing.end');
  await done;
  // The renderer main thread of this page: the thread with the most RunTask time among CrRendererMain threads.
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const top = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) && e.dur > 40000).sort((a, b) => b.dur - a.dur);
  if (run === 0) console.log('mains', mains.size, 'events', events.length, 'top', top.slice(0, 8).map((e) => `${e.name} ${(e.dur / 1000).toFixed(0)} ${e.cat}`).join(' | '));
  const tasks = top.filter((e) => /RunTask/.test(e.name) && e.dur > 50000);
  console.log(`run ${run}: ${tasks.length} tasks >= 50 ms`);
  for (const t of tasks) {
    const inside = events.filter((e) => e.ph === 'X' && e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t && (e.dur ?? 0) > 3000);
    inside.sort((a, b) => b.dur - a.dur);
    console.log(`  ${(t.dur / 1000).toFixed(0)} ms:`, inside.slice(0, 9).map((e) => `${e.name}${e.args?.data?.url ? '(' + String(e.args.data.url).split('/').pop().slice(0, 30) + ')' : ''} ${(e.dur / 1000).toFixed(0)}`).join(' | '));
  }
  await page.close();
}
await session.close();
await server.close?.();
process.exit(0);
