// Adds toBeAccessible() (axe-core) to every LWC test.
require('@sa11y/jest').setup();
