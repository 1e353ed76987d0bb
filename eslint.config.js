import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'test-results/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.js'], ignores: ['views/assets/**'], languageOptions: { globals: globals.node } },
  { files: ['views/assets/**/*.js'], languageOptions: { globals: globals.browser } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  // One core that ingest and server both use and that uses neither; the two sides never import each other.
  ...[
    ['core/**', ['server', 'ingest']],
    ['ingest/**', ['server']],
    ['server/**', ['ingest']],
  ].map(([files, banned]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: banned.map((dir) => ({ regex: `(^|/)${dir}/`, message: `${files.split('/')[0]}/ must not import ${dir}/: shared code belongs in core/` })),
      }],
    },
  })),
);
