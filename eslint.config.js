import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-e2e-*',
      'test-results-*',
      'node_modules',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'Date', 'performance'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random' }],
    },
  },
  { files: ['scripts/**/*.mjs'], languageOptions: { globals: globals.node } },
  ...layerRules(),
);

/**
 * The layers of docs/ARCHITECTURE.md: what each folder of src/ may import from the others. A
 * relative import that climbs out of its folder into a forbidden one fails the lint, as does
 * the UI reaching into the tree view's inside past its public entry (src/render/tree/index.ts).
 */
function layerRules() {
  const layers = ['engine', 'worker', 'store', 'app', 'render', 'ui', 'cli'];
  const mayImport = {
    engine: [],
    worker: ['engine'],
    store: ['engine'],
    app: ['engine', 'store', 'worker'],
    render: ['engine'],
    ui: ['engine', 'store', 'app', 'render'],
    cli: ['engine'],
  };
  return layers.map((layer) => {
    const forbidden = layers.filter((l) => l !== layer && !mayImport[layer].includes(l));
    const patterns = [
      {
        regex: `^(\\./)?(\\.\\./)+(${forbidden.join('|')})(/|$)`,
        message: `src/${layer} may import only ${mayImport[layer].join(', ') || 'itself'} (docs/ARCHITECTURE.md, Layers).`,
      },
    ];
    if (layer === 'ui') {
      patterns.push({
        regex: '^(\\.\\./)+render/tree/',
        message: 'The UI uses the tree view through its public entry, src/render/tree (index.ts).',
      });
    }
    return {
      files: [`src/${layer}/**/*.{ts,tsx}`],
      rules: { 'no-restricted-imports': ['error', { patterns }] },
    };
  });
}
