#!/usr/bin/env node
// Entry point for `npx kioskctl`: loads the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
await import(fileURLToPath(new URL('../main/cli/main.ts', import.meta.url)));
