/** Tests of the project's own checks: each one must fail on a planted fault. */
module.exports = {
    rootDir: __dirname,
    testEnvironment: 'node',
    roots: ['<rootDir>'],
    testMatch: ['**/__tests__/**/*.test.ts'],
    transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json'}] },
    testTimeout: 300000
};
