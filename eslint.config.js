/**
 * ESLint: Salesforce's LWC rules on the components (their TypeScript source; the .js beside each is
 * generated from it), typescript-eslint on the service and scripts, and the jest plugin on tests.
 */
const { configs: lwcConfigs } = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');
const tseslint = require('typescript-eslint');
const globals = require('globals');

const LWC_TS = ['force-app/**/lwc/**/*.ts'];
const LWC_TESTS = ['force-app/**/lwc/**/__tests__/**/*.ts'];
const NODE_TS = ['server/**/*.ts', 'scripts/**/*.ts'];

module.exports = [
    {
        ignores: [
            'node_modules/**',
            'coverage/**',
            '.gallery/**',
            '.sfdx/**',
            '.sf/**',
            '**/lwc/**/*.js',
            'force-app/types/**',
            'force-app/test/**',
            '**/*.d.ts',
            'server/.data/**'
        ]
    },
    ...lwcConfigs.recommendedTs.map((config) => ({ ...config, files: LWC_TS })),
    {
        // The type checker (npm run typecheck:lwc) owns undefined names; the babel parser cannot see type-only names.
        files: LWC_TS,
        rules: { 'no-undef': 'off', 'no-unused-vars': 'off' }
    },
    {
        files: LWC_TESTS,
        ...jestPlugin.configs['flat/recommended'],
        languageOptions: { globals: { ...globals.jest, ...globals.node } },
        rules: { ...jestPlugin.configs['flat/recommended'].rules, '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off' }
    },
    ...tseslint.configs.recommended.map((config) => ({ ...config, files: NODE_TS })),
    {
        files: NODE_TS,
        languageOptions: { globals: { ...globals.node } },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
        }
    },
    {
        files: ['server/test/**/*.ts', 'scripts/**/__tests__/**/*.ts'],
        ...jestPlugin.configs['flat/recommended'],
        languageOptions: { globals: { ...globals.jest, ...globals.node } }
    },
    {
        files: ['*.js', 'force-app/test/**/*.js'],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
    }
];
