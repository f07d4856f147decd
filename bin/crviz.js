#!/usr/bin/env node
// `npx crviz …` (the package's bin): runs the TypeScript CLI through tsx's loader, so a fresh
// clone needs `npm install` and no build step. tsx is a dependency for this reason; its
// register() needs Node 20.6 or later (package.json engines).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
