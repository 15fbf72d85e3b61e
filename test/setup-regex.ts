/**
 * n8n-workflow checks parameter values against regular expressions (a resource locator's "By ID"
 * pattern, for one) in a node:vm with a 250 ms watchdog. On a loaded 2-core CI machine that
 * watchdog can fire while the process merely waits for a CPU, and a test fails with "Regular
 * expression execution timed out" for a reason that has nothing to do with this package: the
 * patterns are the node's own short id patterns, on short inputs. n8n lets its host choose the
 * engine (setSafeRegexEngine), so unit and engine tests run the same patterns with the plain
 * RegExp engine, without the watchdog. Runs in each test file's module registry, so it reaches the
 * n8n-workflow that file's n8n-core uses (1.x or 2.x).
 */
import { setSafeRegexEngine } from 'n8n-workflow';

setSafeRegexEngine({
	exec: (pattern, input, flags) => new RegExp(pattern, flags).exec(input),
	test: (pattern, input, flags) => new RegExp(pattern, flags).test(input),
	replace: (pattern, input, flags, replacement) =>
		input.replace(new RegExp(pattern, flags), replacement),
	matchAll: (pattern, input, flags) =>
		Array.from(
			input.matchAll(new RegExp(pattern, flags?.includes('g') ? flags : `${flags ?? ''}g`)),
		),
	split: (pattern, input, flags) => input.split(new RegExp(pattern, flags)),
});
