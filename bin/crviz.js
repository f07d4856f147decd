#!/usr/bin/env node
// `npx crviz …` (the package's bin): runs the TypeScript CLI through tsx's loader, so a fresh
// clone needs `npm install` and no build step. tsx is a dependency for this reason.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
