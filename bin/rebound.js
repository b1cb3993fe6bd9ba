#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx rebound` works in a checkout without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
if (code !== 0 || !process.argv.includes('serve')) process.exitCode = code;
