import { ApiError } from './errors';

export interface MultipartPart {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

function malformed(detail: string): ApiError {
	return new ApiError(
		'multipart-malformed',
		`The multipart/form-data body could not be read: ${detail}.`,
	);
}

export function boundaryOf(contentType: string): string | null {
	const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return m ? (m[1] ?? m[2]) : null;
}

function dispositionParam(header: string, param: string): string | undefined {
	// filename*=UTF-8''name (RFC 5987) wins over the plain form when both are present.
	if (param === 'filename') {
		const ext = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
		if (ext) {
			try {
				return decodeURIComponent(ext[2].trim());
			} catch {
				return ext[2].trim();
			}
		}
	}
	const re = new RegExp(`(?:^|;)\\s*${param}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i');
	const m = re.exec(header);
	if (!m) return undefined;
	return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2].trim();
}

/**
 * Split a multipart/form-data body (RFC 7578) into parts. Written by hand because the sandbox has
 * no runtime dependencies; it handles what HTTP clients send (CRLF line breaks, quoted or RFC 5987
 * filenames, a preamble) and works on Buffers so binary files survive untouched.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
	const boundary = boundaryOf(contentType);
	if (!boundary) throw malformed('the Content-Type header has no boundary');
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: MultipartPart[] = [];
	let pos = body.indexOf(delimiter);
	if (pos < 0) throw malformed('the boundary does not occur in the body');
	for (;;) {
		pos += delimiter.length;
		if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing "--boundary--"
		// Skip transport padding and the CRLF that ends the delimiter line.
		while (body[pos] === 0x20 || body[pos] === 0x09) pos++;
		if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
		else throw malformed('a boundary line is not followed by CRLF');
		const headerEnd = body.indexOf(HEADER_END, pos);
		if (headerEnd < 0) throw malformed('a part has no end of headers');
		const headers: Record<string, string> = {};
		for (const line of body.subarray(pos, headerEnd).toString('utf8').split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0)
				headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
		const dataStart = headerEnd + HEADER_END.length;
		const next = body.indexOf(Buffer.concat([CRLF, delimiter]), dataStart);
		if (next < 0) throw malformed('a part is not terminated by the boundary');
		const disposition = headers['content-disposition'] ?? '';
		const name = dispositionParam(disposition, 'name');
		if (name === undefined) throw malformed('a part has no Content-Disposition name');
		parts.push({
			name,
			filename: dispositionParam(disposition, 'filename'),
			contentType: headers['content-type'],
			data: body.subarray(dataStart, next),
		});
		pos = next + CRLF.length;
	}
	return parts;
}
