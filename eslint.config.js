// Lint keeps the runtimes apart: the folder says where code runs, and imports may only point the
// allowed way (see ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noElectron = { name: 'electron', message: 'Only main/electron/ imports electron.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'native/', 'test-results/', 'playwright-report/', '.bench-tmp/', '.reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'react', message: 'db/ is plain Node.' }],
          patterns: [
            { group: ['**/main/**', '**/renderer/**', '../main', '../renderer', '!**/main/vocabulary'], message: 'db/ imports neither main/ nor renderer/.' },
            // The store's types name the coded values of the shared vocabulary; its code stays out of db/.
            { group: ['**/main/vocabulary'], allowTypeImports: true, message: 'db/ imports only types from the vocabulary.' },
          ],
        },
      ],
    },
  },
  {
    // Shared by the back end and the renderer, so pure: no Node, no DOM, no store code, no packages.
    files: ['main/vocabulary/**/*.ts', 'main/tradecraft/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^[^.]', message: 'The vocabulary and the tradecraft checker are pure TypeScript: no packages and no Node modules.' },
            { group: ['**/db/**', '**/renderer/**', '**/service/**', '**/export/**', '**/import/**'], allowTypeImports: true, message: 'Import only types from the rest of the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: ['**/renderer/**'], message: 'The back end does not import the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              // The vocabulary and the tradecraft checker are pure and shared: their values may be imported.
              regex: '(^|/)(db(/|$)|main(/(?!vocabulary$|tradecraft/[\\w-]+$)|$))',
              allowTypeImports: true,
              message: 'The renderer talks to the back end only through the client: import types only.',
            },
          ],
        },
      ],
    },
  },
);
