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
            // The shared vocabulary (coded values, limits) is pure and may be imported with its values.
            { regex: '(^|/)(main(/(?!vocabulary$)|$)|renderer(/|$))', message: 'db/ imports neither main/ (but its vocabulary) nor renderer/.' },
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
