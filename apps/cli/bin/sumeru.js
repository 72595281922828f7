#!/usr/bin/env node
// `sumeru` on the PATH (and `pnpm sumeru` from the repo root): loads tsx in this process,
// then the TypeScript entry point, so the CLI needs no build step and starts no second node.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
