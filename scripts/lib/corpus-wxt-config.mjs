// The corpus run's own build of Backstory: the project's WXT configuration, written to .output/corpus so
// a build someone else starts meanwhile cannot swap (or delete) the extension under a running corpus.
import { defineConfig } from 'wxt';
import base from '../../wxt.config.ts';

export default defineConfig({ ...base, outDir: '.output/corpus' });
