// The TypeScript loader of the test runs (`node-arg` in package.json's tap section): esbuild strips the types of each
// .ts module as Node loads it, with an inline source map for coverage. It replaces tap's ts-node plugin, which spends
// about two seconds of every test file's start in the TypeScript compiler. tsx is not used here because it minifies
// whitespace: every module becomes one line and line coverage collapses to one statement per file.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
