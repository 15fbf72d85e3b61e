// Every LACRM API v2 function must be received — by nock or the sandbox — from some unit or engine
// test. Checked only when the run covered every unit and engine test file (and every test in them):
// a developer running one file is not told about functions other files exercise.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');

function testFilesUnder(dir) {
	return fs
		.readdirSync(path.join(root, dir), { recursive: true })
		.filter((file) => file.endsWith('.test.ts'))
		.map((file) => path.join(root, dir, file));
}

module.exports = async function (globalConfig) {
	const dir = process.env.LACRM_COVERAGE_DIR;
	if (!dir) return;
	const records = fs
		.readdirSync(dir)
		.map((file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
	fs.rmSync(dir, { recursive: true, force: true });

	const ran = new Set(records.map((record) => record.testPath));
	const expected = [...testFilesUnder('test/unit'), ...testFilesUnder('test/engine')];
	if (globalConfig.testNamePattern || expected.some((file) => !ran.has(file))) return;

	const received = new Set(records.flatMap((record) => record.functions));
	const functions = JSON.parse(
		fs.readFileSync(path.join(root, 'sandbox', 'spec', 'functions.json'), 'utf8'),
	).map((entry) => entry.function);
	const missing = functions.filter((fn) => !received.has(fn));
	if (missing.length > 0)
		throw new Error(
			`No unit or engine test sent a request for these LACRM functions (neither nock nor the ` +
				`sandbox received one): ${missing.join(', ')}`,
		);
	console.log(`All ${functions.length} LACRM functions were received by nock or the sandbox.`);
};
