// Lint keeps the runtimes apart: the folder says where code runs, and imports may only point the
// allowed way (see ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noElectron = { name: 'electron', message: 'Only main/electron/ imports electron.' };

/**
 * Who may import whom inside main/. Top to bottom:
 *   web/, electron/ → desktop/ → service/ (index.ts assembles the areas) → export/, import/, bundle/
 *   → contract/ → security/ → ports/, platform/, tradecraft/, vocabulary/ → db/
 * Each folder lists the folders above it (or beside it) that it must not reach into.
 */
const TRANSPORTS = ['web', 'electron', 'desktop'];
const AREAS = ['service', 'export', 'import', 'bundle'];
const MAIN_LAYERS = [
  { folder: 'web', forbid: ['electron', 'desktop'], why: 'is browser mode: it shares nothing with the desktop shell but the layers below' },
  { folder: 'electron', forbid: ['web'], why: 'is the desktop shell: it shares nothing with browser mode but the layers below' },
  { folder: 'desktop', forbid: ['web', 'electron'], why: 'holds the desktop shell’s decisions as plain functions, below the transports' },
  { folder: 'service', forbid: TRANSPORTS, why: 'is the library area and the composition root: it does not import a transport' },
  ...['export', 'import', 'bundle'].map((folder) => ({
    folder,
    forbid: ['service', ...TRANSPORTS],
    why: 'is an area of the service: main/service/index.ts puts it together with the others; it does not reach back into service/ or a transport',
  })),
  { folder: 'contract', forbid: [...AREAS, ...TRANSPORTS, 'security', 'platform'], why: 'declares the calls: it imports no implementation (types it names live in contract/, db/ or the vocabulary)' },
  { folder: 'security', forbid: [...AREAS, ...TRANSPORTS, 'contract'], why: 'holds policies that every layer applies: it imports only ports, platform and db/' },
  { folder: 'platform', forbid: [...AREAS, ...TRANSPORTS, 'contract', 'security', 'ports'], why: 'finds the app’s own files and tools: it imports nothing from the app' },
];

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
  // Layers inside main/, top to bottom (as VS Code's code-layering rule does it): each folder may import
  // only the folders below it. Ports, platform helpers, the vocabulary and db/ are the floor.
  ...MAIN_LAYERS.map(({ folder, forbid, why }) => ({
    files: [`main/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...(folder === 'electron' ? {} : { paths: [noElectron] }),
          patterns: [
            { group: ['**/renderer/**'], message: 'The back end does not import the renderer.' },
            { regex: `^(\\.\\./)+(main/)?(${forbid.join('|')})(/|$)`, message: `main/${folder}/ ${why} (layers: README, "Where things live").` },
          ],
        },
      ],
    },
  })),
  {
    // Ports are interfaces: any layer may import them, so they hold no code and import only types.
    files: ['main/ports/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '.', allowTypeImports: true, message: 'main/ports/ holds interfaces only: import types, nothing that runs.' }] },
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
