/** Service tests: real HTTP against the org simulator, real SMTP peer, real PGlite/PostgreSQL. */
module.exports = {
    rootDir: __dirname,
    testEnvironment: '<rootDir>/test/support/nodeRequireEnvironment.js',
    roots: ['<rootDir>/test'],
    testMatch: ['**/*.test.ts'],
    transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json'}] },
    testTimeout: 60000
};
