// Brings @sa11y/jest's toBeAccessible() matcher (registered in force-app/test/jest-setup.js) into the test typings.
import '@sa11y/jest';
