/**
 * jest's node environment plus `__nodeRequire`: Node's own require, for the few packages (PGlite)
 * whose WASM glue uses dynamic import(), which jest's module sandbox refuses on Node 20 without
 * --experimental-vm-modules. Modules loaded through it run outside the sandbox, as in production.
 */
const { TestEnvironment } = require('jest-environment-node');

class NodeRequireEnvironment extends TestEnvironment {
    constructor(config, context) {
        super(config, context);
        this.global.__nodeRequire = require;
    }
}

module.exports = NodeRequireEnvironment;
