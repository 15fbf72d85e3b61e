import { randomBytes } from 'node:crypto';
import { httpRequest } from '../core/http';
import { startSandbox, type Sandbox } from '../index';
import { expectLacrmError, multipartBody, rawPost, type Body, callOk } from './helpers';

/** Multipart CreateFile, GetFile's 5-minute FileUrl, versions and limits. */

let sandbox: Sandbox;
let contactId: string;

beforeAll(async () => {
	sandbox = await startSandbox();
	contactId = (
		await sandbox.call('CreateContact', {
			IsCompany: false,
			AssignedTo: '100001',
			Name: 'File Holder',
		})
	).body.ContactId;
});

afterAll(() => sandbox.stop());

async function upload(
	fields: Record<string, string>,
	file?: { filename: string; contentType: string; data: Buffer },
	auth = sandbox.apiKey,
) {
	const { body, contentType } = multipartBody(fields, file ? { name: 'File', ...file } : undefined);
	return rawPost(sandbox.apiUrl, body, { Authorization: auth, 'Content-Type': contentType });
}

const ok = (fn: string, params: object = {}) => callOk(sandbox, fn, params);

it('uploads bytes through multipart/form-data and serves them back from FileUrl with the content type', async () => {
	const bytes = randomBytes(64 * 1024);
	const res = await upload(
		{ Function: 'CreateFile', Parameters: JSON.stringify({ ContactId: contactId }) },
		{ filename: 'photo.png', contentType: 'image/png', data: bytes },
	);
	expect(res.status).toBe(200);
	const file = await ok('GetFile', { FileId: res.body.FileId as string });
	expect(file).toMatchObject({
		FileName: 'photo.png',
		FileType: 'image/png',
		FileSize: bytes.length,
		ParentId: contactId,
		IsPrimary: true,
		NumVersions: 1,
	});
	expect(file.FileUrl.startsWith(`${sandbox.url}/files/`)).toBe(true);
	const download = await httpRequest(file.FileUrl);
	expect(download.status).toBe(200);
	expect(download.headers['content-type']).toBe('image/png');
	expect(download.body.equals(bytes)).toBe(true);
});

it('FileUrl expires 5 minutes after it was issued (sandbox clock) → 403', async () => {
	const res = await upload(
		{ Function: 'CreateFile', Parameters: JSON.stringify({ ContactId: contactId }) },
		{ filename: 'expiring.txt', contentType: 'text/plain', data: Buffer.from('soon gone') },
	);
	const { FileUrl } = await ok('GetFile', { FileId: res.body.FileId as string });
	sandbox.clock.advance(4 * 60_000 + 59_000);
	expect((await httpRequest(FileUrl)).status).toBe(200);
	sandbox.clock.advance(1000);
	const expired = await httpRequest(FileUrl);
	expect(expired.status).toBe(403);
	// A new GetFile issues a fresh link.
	const again = await ok('GetFile', { FileId: res.body.FileId as string });
	expect(again.FileUrl).not.toBe(FileUrl);
	expect((await httpRequest(again.FileUrl)).body.toString()).toBe('soon gone');
	expect((await httpRequest(`${sandbox.url}/files/not-a-token`)).status).toBe(404);
});

it('the same file name on the same contact becomes a new version', async () => {
	const params = JSON.stringify({ ContactId: contactId });
	const v1 = await upload(
		{ Function: 'CreateFile', Parameters: params },
		{ filename: 'quote.pdf', contentType: 'application/pdf', data: Buffer.from('v1') },
	);
	const v2 = await upload(
		{ Function: 'CreateFile', Parameters: params },
		{ filename: 'quote.pdf', contentType: 'application/pdf', data: Buffer.from('v2') },
	);
	const primary = await ok('GetFile', { FileId: v2.body.FileId as string });
	expect(primary.NumVersions).toBe(2);
	const listed = await ok('GetFilesAttachedToContact', { ContactId: contactId });
	expect(listed.filter((f: Body) => f.FileName === 'quote.pdf').map((f: Body) => f.FileId)).toEqual(
		[v2.body.FileId],
	);
	const all = await ok('GetFilesAttachedToContact', {
		ContactId: contactId,
		ReturnPreviousVersions: true,
	});
	const quotes = all.filter((f: Body) => f.FileName === 'quote.pdf');
	expect(quotes.map((f: Body) => [f.FileId, f.IsPrimary])).toEqual([
		[v2.body.FileId, true],
		[v1.body.FileId, false],
	]);
	expect(all.every((f: Body) => typeof f.FileUrl === 'string')).toBe(true);
});

it('Parameters may also be sent as separate parts', async () => {
	const res = await upload(
		{ Function: 'CreateFile', ContactId: contactId },
		{ filename: 'parts.txt', contentType: 'text/plain', data: Buffer.from('p') },
	);
	expect(res.status).toBe(200);
});

it('CreateFile needs the File part and a multipart body', async () => {
	expectLacrmError(
		await upload({ Function: 'CreateFile', Parameters: JSON.stringify({ ContactId: contactId }) }),
		400,
		/'File' is required/,
	);
	expectLacrmError(
		await sandbox.call('CreateFile', { ContactId: contactId }),
		400,
		/multipart\/form-data/,
	);
	expectLacrmError(
		await upload(
			{ Function: 'CreateFile', Parameters: '{}' },
			{ filename: 'a.txt', contentType: 'text/plain', data: Buffer.from('a') },
		),
		400,
		/'ContactId'/,
	);
	expectLacrmError(
		await upload(
			{ Function: 'CreateFile', Parameters: '{broken' },
			{ filename: 'a.txt', contentType: 'text/plain', data: Buffer.from('a') },
		),
		400,
		/not valid JSON/,
	);
	expectLacrmError(
		await upload(
			{ Function: 'CreateFile', Parameters: JSON.stringify({ ContactId: contactId }) },
			{ filename: 'a.txt', contentType: 'text/plain', data: Buffer.from('a') },
			'wrong-key',
		),
		400,
		/Invalid credentials/,
	);
	const malformed = await rawPost(sandbox.apiUrl, Buffer.from('--x\r\nnot a part'), {
		Authorization: sandbox.apiKey,
		'Content-Type': 'multipart/form-data; boundary=x',
	});
	expectLacrmError(malformed, 400, /multipart/);
});

it('files above 50 MB are refused', async () => {
	const big = Buffer.alloc(50 * 1024 * 1024 + 1024 * 1024 + 1, 1);
	const res = await upload(
		{ Function: 'CreateFile', Parameters: JSON.stringify({ ContactId: contactId }) },
		{ filename: 'big.bin', contentType: 'application/octet-stream', data: big },
	);
	expectLacrmError(res, 400, /50 MB/);
	const justUnder = Buffer.alloc(50 * 1024 * 1024, 2);
	const accepted = await upload(
		{ Function: 'CreateFile', Parameters: JSON.stringify({ ContactId: contactId }) },
		{ filename: 'max.bin', contentType: 'application/octet-stream', data: justUnder },
	);
	expect(accepted.status).toBe(200);
	const slightlyOver = Buffer.alloc(50 * 1024 * 1024 + 1, 3);
	const refused = await upload(
		{ Function: 'CreateFile', Parameters: JSON.stringify({ ContactId: contactId }) },
		{ filename: 'over.bin', contentType: 'application/octet-stream', data: slightlyOver },
	);
	expectLacrmError(refused, 400, /50 MB/);
});
