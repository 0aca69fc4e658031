#!/usr/bin/env node
// `npm run format` formats the code with Prettier; `npm run format -- --check` only checks it (CI)
// and fails when a file is not formatted. Prettier alone would write even with --check.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const mode = args.includes('--check') ? [] : ['--write'];
const prettier = createRequire(import.meta.url).resolve('prettier/bin/prettier.cjs');
const result = spawnSync(process.execPath, [prettier, ...mode, ...args, '.'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
