/**
 * LACRM ids are 31-digit numbers sent as strings. Should one ever arrive as a bare JSON number,
 * `JSON.parse` would silently round it (doubles hold 15–17 significant digits) and the id would
 * point at nothing. This parser keeps any integer too long to be exact as its original digits,
 * in a string, and is plain `JSON.parse` otherwise.
 */

/** Integers with more digits than this may not survive a round trip through a double. */
const SAFE_INTEGER_DIGITS = 15;

const LONG_INTEGER_HINT = /\d{16,}/;

export function parseLosslessJson(text: string): unknown {
	if (!LONG_INTEGER_HINT.test(text)) return JSON.parse(text);
	return JSON.parse(quoteLongIntegers(text));
}

/** Wraps integer literals longer than SAFE_INTEGER_DIGITS (outside strings) in quotes. */
function quoteLongIntegers(text: string): string {
	let out = '';
	let copiedUpTo = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const char = text.charCodeAt(i);
		if (inString) {
			if (char === 0x5c /* \ */) i++;
			else if (char === 0x22 /* " */) inString = false;
			continue;
		}
		if (char === 0x22) {
			inString = true;
			continue;
		}
		const startsNumber = char === 0x2d /* - */ || (char >= 0x30 && char <= 0x39);
		if (!startsNumber) continue;
		let end = i + 1;
		while (end < text.length && isNumberChar(text.charCodeAt(end))) end++;
		const literal = text.slice(i, end);
		const digits = literal.replace('-', '');
		if (/^\d+$/.test(digits) && digits.length > SAFE_INTEGER_DIGITS) {
			out += text.slice(copiedUpTo, i) + '"' + literal + '"';
			copiedUpTo = end;
		}
		i = end - 1;
	}
	return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

function isNumberChar(char: number): boolean {
	return (
		(char >= 0x30 && char <= 0x39) ||
		char === 0x2e /* . */ ||
		char === 0x65 /* e */ ||
		char === 0x45 /* E */ ||
		char === 0x2b /* + */ ||
		char === 0x2d /* - */
	);
}
