// Three kinds of tests, one jest run:
//  - unit:      jest + nock against the shipped code (n8n-workflow 2.x types at runtime)
//  - sandbox:   the local LACRM sandbox's own conformance tests
//  - engine-*:  whole workflows through n8n-core's WorkflowExecute, once per pinned n8n-core
//               (the transport's tests live here too: its error handling depends on n8n-workflow's
//               NodeApiError, which differs between the two).
//               moduleNameMapper swaps the n8n-core/n8n-workflow pair, so the same test file
//               runs against n8n 1.123's engine (n8n-core 1.122.48, no refresh lock) and a current 2.x.
const path = require('path');

// Every test runs with the process in a time zone no test workflow uses (Auckland: +13:00 in
// January, +12:00 in July), so a date-time read in the process's zone instead of the workflow's
// shows up as a wrong offset. Set here, before jest starts its workers, which inherit it.
process.env.TZ = 'Pacific/Auckland';

const transform = {
	'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json', diagnostics: false }],
};

const base = {
	transform,
	testEnvironment: 'node',
	moduleFileExtensions: ['ts', 'js', 'json'],
	setupFiles: ['<rootDir>/test/setup-env.js'],
};

// Unit and engine test files record the LACRM functions nock or the sandbox received from them
// (globalTeardown fails a full run in which some function was never received), and run n8n's
// parameter regexes without a watchdog that CPU starvation can trip (test/setup-regex.ts).
const n8nTestSetup = [
	'<rootDir>/test/function-coverage/record.ts',
	'<rootDir>/test/setup-regex.ts',
];

const n8nCore1 = path.join(__dirname, 'node_modules', 'n8n-core-1');
const n8nWorkflow1 = path.join(n8nCore1, 'node_modules', 'n8n-workflow');

module.exports = {
	testTimeout: 60000,
	globalSetup: '<rootDir>/test/function-coverage/globalSetup.js',
	globalTeardown: '<rootDir>/test/function-coverage/globalTeardown.js',
	projects: [
		{
			...base,
			displayName: 'unit',
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
			setupFilesAfterEnv: n8nTestSetup,
		},
		{ ...base, displayName: 'sandbox', testMatch: ['<rootDir>/sandbox/test/**/*.test.ts'] },
		{
			...base,
			displayName: 'engine-n8n-core-1.122',
			testMatch: ['<rootDir>/test/engine/**/*.test.ts'],
			setupFilesAfterEnv: n8nTestSetup,
			moduleNameMapper: {
				'^n8n-core$': n8nCore1,
				'^n8n-workflow$': n8nWorkflow1,
			},
		},
		{
			...base,
			displayName: 'engine-n8n-core-2.x',
			testMatch: ['<rootDir>/test/engine/**/*.test.ts'],
			setupFilesAfterEnv: n8nTestSetup,
		},
	],
};
