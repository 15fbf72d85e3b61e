import nock from 'nock';
import type { IBinaryData, IDataObject } from 'n8n-workflow';

import { JANE } from '../helpers/records';
import {
	byId,
	expectLacrmCall,
	LACRM_ORIGIN,
	runExpectingCall,
	runExpectingRefusal,
	runNode,
	TEST_API_KEY,
	uid,
} from '../helpers/runNode';

const FILE = uid(701);
const CONTENT = '%PDF-1.4\nquote for Jane: 1,000 €\n';
const S3_ORIGIN = 'https://lacrm.s3.amazonaws.com';
const FILE_URL = `${S3_ORIGIN}/files/${FILE}?signature=abc123`;

const info = {
	FileId: FILE,
	CreatedBy: '1001',
	FileType: 'application/pdf',
	DateCreated: '2024-12-21T04:06:49-08:00',
	FileName: 'quote.pdf',
	DisplayName: 'Quote',
	FileSize: Buffer.byteLength(CONTENT),
	ParentId: JANE,
	IsPrimary: true,
	DateDeleted: null,
	NumVersions: 1,
	FileUrl: FILE_URL,
};
const { FileUrl: _link, ...infoWithoutLink } = info;

function binaryItem(content: string, meta: Partial<IBinaryData> = {}, property = 'data') {
	return {
		json: { name: 'anything' },
		binary: {
			[property]: {
				data: Buffer.from(content).toString('base64'),
				mimeType: 'application/pdf',
				fileName: 'quote.pdf',
				fileExtension: 'pdf',
				...meta,
			} as IBinaryData,
		},
	};
}

/** An item whose "data" binary holds exactly these bytes, with no size metadata. */
function bytesItem(bytes: Buffer, mimeType: string, fileName: string) {
	return { json: {}, binary: { data: { data: bytes.toString('base64'), mimeType, fileName } } };
}

/** The file's pre-signed link (info.FileUrl), answering CONTENT as `contentType`. */
function s3File(contentType: string, options?: nock.Options) {
	return nock(S3_ORIGIN, options)
		.get(`/files/${FILE}`)
		.query({ signature: 'abc123' })
		.reply(200, Buffer.from(CONTENT), { 'Content-Type': contentType });
}

interface Part {
	name: string;
	filename?: string;
	contentType?: string;
	value: string;
}

/** Splits a multipart/form-data body into its parts. */
function parseMultipart(body: string, contentType: string): Part[] {
	const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
	if (!boundary) throw new Error(`no boundary in ${contentType}`);
	expect(body.endsWith(`--${boundary}--\r\n`)).toBe(true);
	return body
		.split(`--${boundary}`)
		.slice(1, -1)
		.map((chunk) => {
			const [head, ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
			const value = rest.join('\r\n\r\n').replace(/\r\n$/, '');
			const disposition = /name="([^"]*)"(?:; filename="([^"]*)")?/.exec(head)!;
			return {
				name: disposition[1],
				filename: disposition[2],
				contentType: /Content-Type: (.+)/i.exec(head)?.[1]?.trim(),
				value,
			};
		});
}

/** Captures the CreateFile upload LACRM receives. */
function expectUpload(reply: IDataObject) {
	const seen: { body?: string; contentType?: string; authorization?: string } = {};
	const scope = nock(LACRM_ORIGIN)
		.post('/v2/')
		.reply(function (_uri, body) {
			seen.body = typeof body === 'string' ? body : JSON.stringify(body);
			seen.contentType = String(this.req.headers['content-type']);
			seen.authorization = String(this.req.headers.authorization);
			return [200, reply];
		});
	return { scope, seen };
}

describe('File → Upload', () => {
	it('sends CreateFile as multipart: Function, Parameters as a JSON string, and the File with its name and bytes', async () => {
		const { scope, seen } = expectUpload({ FileId: FILE });
		const { json, items, error } = await runNode({
			resource: 'file',
			operation: 'upload',
			parameters: { contactId: byId(JANE), binaryPropertyName: 'data' },
			input: [binaryItem(CONTENT)],
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(seen.authorization).toBe(TEST_API_KEY);
		expect(seen.contentType).toMatch(/^multipart\/form-data; boundary=/);
		expect(parseMultipart(seen.body!, seen.contentType!)).toEqual([
			{ name: 'Function', filename: undefined, contentType: undefined, value: 'CreateFile' },
			{
				name: 'Parameters',
				filename: undefined,
				contentType: undefined,
				value: JSON.stringify({ ContactId: JANE }),
			},
			{ name: 'File', filename: 'quote.pdf', contentType: 'application/pdf', value: CONTENT },
		]);
		// The new id plus the fields as sent (no extra call).
		expect(json).toEqual([{ FileId: FILE, ContactId: JANE }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('sends non-text bytes unchanged', async () => {
		const png = Buffer.from([
			0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a,
		]);
		const { scope, seen } = expectUpload({ FileId: FILE });
		const { error } = await runNode({
			resource: 'file',
			operation: 'upload',
			parameters: { contactId: byId(JANE) },
			input: [bytesItem(png, 'image/png', 'logo.png')],
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		// nock hands over a body that is not valid UTF-8 as hex.
		const raw = Buffer.from(seen.body!, 'hex').toString('latin1');
		const file = parseMultipart(raw, seen.contentType!)[2];
		expect(file).toMatchObject({ name: 'File', filename: 'logo.png', contentType: 'image/png' });
		expect(Buffer.from(file.value, 'latin1').equals(png)).toBe(true);
	});

	it('takes the file from another binary field and overrides its name and type', async () => {
		const { scope, seen } = expectUpload({ FileId: FILE });
		const { json, error } = await runNode({
			resource: 'file',
			operation: 'upload',
			parameters: {
				contactId: byId(JANE),
				binaryPropertyName: 'attachment',
				options: { fileName: 'Quote 2025.txt', mimeType: 'text/plain' },
			},
			input: [binaryItem('plain text', {}, 'attachment')],
		});
		expect(error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(parseMultipart(seen.body!, seen.contentType!)[2]).toEqual({
			name: 'File',
			filename: 'Quote 2025.txt',
			contentType: 'text/plain',
			value: 'plain text',
		});
		// The new id plus the fields as sent (no extra call).
		expect(json).toEqual([{ FileId: FILE, ContactId: JANE }]);
	});

	it('names the missing binary field and sends nothing', async () => {
		const error = await runExpectingRefusal({
			resource: 'file',
			operation: 'upload',
			parameters: { contactId: byId(JANE), binaryPropertyName: 'invoice' },
			input: [binaryItem(CONTENT)],
		});
		expect(error?.message).toBe(
			'Invalid "Input Binary Field": the input item has no binary field "invoice"',
		);
		expect(error?.description).toBe('Binary fields of this item: data');
	});

	it('refuses a file whose bytes exceed 50 MB even without size metadata', async () => {
		const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x61);
		const error = await runExpectingRefusal({
			resource: 'file',
			operation: 'upload',
			parameters: { contactId: byId(JANE) },
			input: [bytesItem(big, 'text/plain', 'big.txt')],
		});
		expect(error.message).toBe(
			'Invalid "Input Binary Field": the file "big.txt" is 50.0 MB; LACRM accepts files up to 50 MB',
		);
	});

	it.each([
		[
			'refuses a file n8n reports as larger than 50 MB before sending anything',
			{ contactId: byId(JANE) },
			binaryItem(CONTENT, { bytes: 60 * 1024 * 1024 }),
			'Invalid "Input Binary Field": the file is 60.0 MB; LACRM accepts files up to 50 MB',
		],
		[
			'refuses a malformed ContactId before sending anything',
			{ contactId: byId('={{ $json.name }}') },
			binaryItem(CONTENT),
			'Invalid "Contact": "anything" is not a LACRM ID (digits only, e.g. 4006273942886858777552707100828)',
		],
	])('%s', async (_test, parameters, item, message) => {
		const error = await runExpectingRefusal({
			resource: 'file',
			operation: 'upload',
			parameters,
			input: [item],
		});
		expect(error.message).toBe(message);
	});
});

describe('File → Get', () => {
	it("sends GetFile and outputs the file's details with its temporary link", async () => {
		const { json, items } = await runExpectingCall(['GetFile', { FileId: FILE }, info], {
			resource: 'file',
			operation: 'get',
			parameters: { fileId: FILE },
		});
		expect(json).toEqual([info]);
		expect(items[0].binary).toBeUndefined();
	});

	it('with Download File, also fetches the file into the chosen binary field', async () => {
		const scope = expectLacrmCall('GetFile', { FileId: FILE }, info);
		const s3 = s3File('application/octet-stream');
		const { json, items, error } = await runNode({
			resource: 'file',
			operation: 'get',
			parameters: { fileId: FILE, options: { download: true, binaryPropertyName: 'pdf' } },
		});
		expect(error).toBeUndefined();
		expect(scope.isDone() && s3.isDone()).toBe(true);
		expect(json).toEqual([info]);
		const binary = items[0].binary!.pdf;
		expect(binary).toMatchObject({
			fileName: 'quote.pdf',
			mimeType: 'application/pdf',
			fileExtension: 'pdf',
		});
		expect(Buffer.from(binary.data, 'base64').toString()).toBe(CONTENT);
	});
});

describe('File → Download', () => {
	it('sends GetFile, downloads FileUrl into "data", and outputs the details without the expiring link', async () => {
		const scope = expectLacrmCall('GetFile', { FileId: FILE }, info);
		// The pre-signed link must be fetched as it is: no LACRM Authorization header.
		const s3 = s3File('application/pdf', { badheaders: ['authorization'] });
		const { json, items, error } = await runNode({
			resource: 'file',
			operation: 'download',
			parameters: { fileId: FILE },
		});
		expect(error).toBeUndefined();
		expect(scope.isDone() && s3.isDone()).toBe(true);
		expect(json).toEqual([infoWithoutLink]);
		const binary = items[0].binary!.data;
		expect(binary).toMatchObject({ fileName: 'quote.pdf', mimeType: 'application/pdf' });
		expect(Buffer.from(binary.data, 'base64').toString()).toBe(CONTENT);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('uses the type the download answers with when LACRM gives none', async () => {
		const scope = expectLacrmCall(
			'GetFile',
			{ FileId: FILE },
			{ ...info, FileType: '', FileName: 'notes.txt' },
		);
		const s3 = nock(S3_ORIGIN)
			.get(`/files/${FILE}`)
			.query(true)
			.reply(200, Buffer.from('hello'), { 'Content-Type': 'text/plain; charset=utf-8' });
		const { items, error } = await runNode({
			resource: 'file',
			operation: 'download',
			parameters: { fileId: FILE, binaryPropertyName: 'notes' },
		});
		expect(error).toBeUndefined();
		expect(scope.isDone() && s3.isDone()).toBe(true);
		expect(items[0].binary!.notes).toMatchObject({ fileName: 'notes.txt', mimeType: 'text/plain' });
	});

	it('explains a file without a download link', async () => {
		const scope = expectLacrmCall('GetFile', { FileId: FILE }, { ...info, FileUrl: '' });
		const { error } = await runNode({
			resource: 'file',
			operation: 'download',
			parameters: { fileId: FILE },
		});
		expect(scope.isDone()).toBe(true);
		expect(error?.message).toBe(
			`Invalid "File ID": LACRM returned no download link for file ${FILE}`,
		);
	});
});

describe('File → Get Many for Contact', () => {
	const older = { ...info, FileId: uid(702), IsPrimary: false };

	it('sends GetFilesAttachedToContact (a bare array, no paging) and outputs one item per file', async () => {
		const { json, items } = await runExpectingCall(
			['GetFilesAttachedToContact', { ContactId: JANE }, [info]],
			{
				resource: 'file',
				operation: 'getAllForContact',
				parameters: { contactId: byId(JANE), returnAll: true },
			},
		);
		expect(json).toEqual([info]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('asks for previous versions when the option is on, and applies the limit', async () => {
		const { json } = await runExpectingCall(
			[
				'GetFilesAttachedToContact',
				{ ContactId: JANE, ReturnPreviousVersions: true },
				[info, older, { ...older, FileId: uid(703) }],
			],
			{
				resource: 'file',
				operation: 'getAllForContact',
				parameters: { contactId: byId(JANE), limit: 2, options: { returnPreviousVersions: true } },
			},
		);
		expect(json).toEqual([info, older]);
	});
});
