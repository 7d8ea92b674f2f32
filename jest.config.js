/** LWC unit tests (sfdx-lwc-jest): TypeScript components and tests in force-app. */
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    roots: ['<rootDir>/force-app'],
    testMatch: ['**/lwc/**/__tests__/**/*.test.ts'],
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
    moduleNameMapper: {
        '^lightning/navigation$': '<rootDir>/force-app/test/jest-mocks/lightning/navigation'
    },
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/force-app/test/jest-setup.js']
};
