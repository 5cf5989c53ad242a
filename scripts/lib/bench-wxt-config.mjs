// The bench's own build of Backstory: the project's WXT configuration, written to .output/bench so a
// build someone else starts meanwhile cannot swap the extension under a running bench.
// BACKSTORY_BENCH_UNMINIFIED=1 keeps function names readable in CPU profiles.
import { defineConfig } from 'wxt';
import base from '../../wxt.config.ts';

const unminified = process.env.BACKSTORY_BENCH_UNMINIFIED === '1';

export default defineConfig({
  ...base,
  outDir: '.output/bench',
  vite: async (env) => {
    const own = (await base.vite?.(env)) ?? {};
    return { ...own, build: { ...own.build, minify: !unminified, sourcemap: false } };
  },
});
