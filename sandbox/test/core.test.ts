import {
	addDays,
	dateOf,
	formatDateTime,
	isValidDate,
	parseDateTime,
	startOfDate,
} from '../core/dates';
import { errorCode } from '../core/errors';
import { UidGenerator } from '../core/ids';
import { parseMultipart } from '../core/multipart';
import { Prng } from '../core/prng';
import { parseName } from '../functions/contacts';
import { FUNCTION_SPEC_BY_NAME } from '../spec';
import { ERROR_CODE_RE, UID_RE, multipartBody, DOCUMENTED_EVENTS } from './helpers';

/** The building blocks: multipart parsing, LACRM date formats, names, ids, error codes, the spec overlay. */

describe('multipart parser', () => {
	it('keeps binary content intact, even bytes that look like CRLF and boundaries', () => {
		const data = Buffer.concat([
			Buffer.from([0, 255, 13, 10, 45, 45]),
			Buffer.from('\r\n--not-the-boundary\r\n'),
			Buffer.from([1, 2, 3]),
		]);
		const { body, contentType } = multipartBody(
			{ Function: 'CreateFile', Parameters: '{"ContactId":"1"}' },
			{ name: 'File', filename: 'x.bin', contentType: 'application/octet-stream', data },
		);
		const parts = parseMultipart(body, contentType);
		expect(parts.map((p) => p.name)).toEqual(['Function', 'Parameters', 'File']);
		expect(parts[0].data.toString()).toBe('CreateFile');
		expect(parts[2].filename).toBe('x.bin');
		expect(parts[2].contentType).toBe('application/octet-stream');
		expect(parts[2].data.equals(data)).toBe(true);
	});

	it('reads quoted boundaries, RFC 5987 filenames and a preamble', () => {
		const body = Buffer.from(
			'preamble\r\n--bq\r\nContent-Disposition: form-data; name="File"; filename="fallback.txt"; filename*=UTF-8\'\'r%C3%A9sum%C3%A9.txt\r\n\r\nhi\r\n--bq--\r\n',
		);
		const parts = parseMultipart(body, 'multipart/form-data; boundary="bq"');
		expect(parts).toHaveLength(1);
		expect(parts[0].filename).toBe('résumé.txt');
		expect(parts[0].data.toString()).toBe('hi');
	});

	it('rejects bodies without a usable boundary', () => {
		expect(() => parseMultipart(Buffer.from('x'), 'multipart/form-data')).toThrow(/boundary/);
		expect(() =>
			parseMultipart(
				Buffer.from('--a\r\nContent-Disposition: form-data; name="x"\r\n\r\nunterminated'),
				'multipart/form-data; boundary=a',
			),
		).toThrow(/terminated/);
	});
});

describe('dates', () => {
	it('formats instants as ISO 8601 with the account offset (DST aware)', () => {
		expect(formatDateTime(Date.parse('2025-01-15T20:00:00Z'))).toBe('2025-01-15T14:00:00-06:00');
		expect(formatDateTime(Date.parse('2025-07-15T20:00:00Z'))).toBe('2025-07-15T15:00:00-05:00');
		expect(formatDateTime(Date.parse('2025-07-15T20:00:00Z'), 540)).toBe(
			'2025-07-16T05:00:00+09:00',
		);
	});

	it('parses ISO input with and without an offset, and best-effort other formats', () => {
		expect(parseDateTime('2025-01-15T14:00:00-05:00')).toEqual({
			ms: Date.parse('2025-01-15T19:00:00Z'),
			offsetMinutes: -300,
			dateOnly: false,
		});
		expect(parseDateTime('2025-01-15T14:00:00Z')?.offsetMinutes).toBe(0);
		expect(parseDateTime('2025-01-15 08:30')?.ms).toBe(Date.parse('2025-01-15T14:30:00Z'));
		expect(parseDateTime('2025-01-15')).toMatchObject({
			ms: Date.parse('2025-01-15T06:00:00Z'),
			dateOnly: true,
		});
		expect(parseDateTime('January 15, 2025 10:00 GMT')?.ms).toBe(
			Date.parse('2025-01-15T10:00:00Z'),
		);
		expect(parseDateTime('2025-02-30')).toBeNull();
		expect(parseDateTime('tomorrow-ish')).toBeNull();
	});

	it('validates yyyy-mm-dd dates (year 0000 allowed for yearless birthdays)', () => {
		expect(isValidDate('2024-02-29')).toBe(true);
		expect(isValidDate('2025-02-29')).toBe(false);
		expect(isValidDate('0000-02-29')).toBe(true);
		expect(isValidDate('2025-1-5')).toBe(false);
		expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
		expect(dateOf(startOfDate('2025-03-09'))).toBe('2025-03-09');
	});
});

describe('names, ids, codes', () => {
	it.each([
		['Jane', { FirstName: 'Jane', LastName: '' }],
		['Jane Doe', { FirstName: 'Jane', LastName: 'Doe' }],
		[
			'Mr. John Q. Public III',
			{ Salutation: 'Mr.', FirstName: 'John', MiddleName: 'Q.', LastName: 'Public', Suffix: 'III' },
		],
		['  Ann   Marie   van Dyke ', { FirstName: 'Ann', MiddleName: 'Marie van', LastName: 'Dyke' }],
	])('parseName(%j)', (input, expected) => {
		expect(parseName(input)).toMatchObject(expected);
	});

	it('Uids are unique 31-digit strings, reproducible from the seed', () => {
		const a = new UidGenerator(new Prng(9));
		const b = new UidGenerator(new Prng(9));
		const ids = Array.from({ length: 1000 }, () => a.next());
		expect(new Set(ids).size).toBe(1000);
		for (const id of ids) expect(id).toMatch(UID_RE);
		expect(Array.from({ length: 1000 }, () => b.next())).toEqual(ids);
	});

	it('error codes are 16 lower-case alphanumerics, stable per kind', () => {
		expect(errorCode('missing-parameter:GetContact:ContactId')).toMatch(ERROR_CODE_RE);
		expect(errorCode('x')).toBe(errorCode('x'));
		expect(errorCode('x')).not.toBe(errorCode('y'));
	});
});

describe('spec overlay', () => {
	it('relaxes only what handlers check themselves and extends the webhook events', () => {
		expect(
			FUNCTION_SPEC_BY_NAME.get('CreateContact')?.parameters.find((p) => p.name === 'Name')
				?.required,
		).toBe(false);
		expect(
			FUNCTION_SPEC_BY_NAME.get('CreateContact')?.parameters.find((p) => p.name === 'IsCompany')
				?.required,
		).toBe(true);
		expect(FUNCTION_SPEC_BY_NAME.get('GetTasks')?.parameters.filter((p) => p.required)).toEqual([]);
		expect(
			FUNCTION_SPEC_BY_NAME.get('CreateWebhook')?.parameters.find((p) => p.name === 'Events')?.enum,
		).toEqual(DOCUMENTED_EVENTS);
	});
});
