import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

/**
 * The CSP as a meta tag of the built page only: the dev server's hot reload injects an inline
 * script that the policy would block.
 */
function cspMeta(): Plugin {
  return {
    name: 'crviz-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), cspMeta()],
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // Property and fuzz tests run thousands of cases; on a busy 2-core machine 5 s is too tight.
    testTimeout: 60_000,
  },
});
