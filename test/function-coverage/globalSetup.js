// A run-wide directory where each unit and engine test file leaves the LACRM functions its requests
// reached (test/function-coverage/record.ts); globalTeardown.js reads it. Jest starts its workers after this,
// so they inherit the variable.
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async function () {
	process.env.LACRM_COVERAGE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'lacrm-coverage-'));
};
