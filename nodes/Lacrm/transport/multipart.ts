import { randomBytes } from 'crypto';

export interface MultipartFile {
	data: Buffer;
	fileName: string;
	mimeType: string;
}

/**
 * Builds the multipart/form-data body CreateFile wants (parts `Function`, `Parameters` as a JSON
 * string, `File`). Built as one Buffer rather than a stream so a retry (or n8n's retry after a
 * token refresh) can send exactly the same bytes again.
 */
export function buildMultipart(
	fields: Record<string, string>,
	file: MultipartFile & { field: string },
): { body: Buffer; contentType: string } {
	const boundary = `----n8nLacrm${randomBytes(12).toString('hex')}`;
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`,
			),
		);
	}
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(
				file.fileName,
			)}"\r\nContent-Type: ${file.mimeType || 'application/octet-stream'}\r\n\r\n`,
		),
		file.data,
		Buffer.from(`\r\n--${boundary}--\r\n`),
	);
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Header parameter values cannot hold quotes or line breaks. */
function quote(value: string): string {
	return value.replace(/[\r\n]/g, ' ').replace(/"/g, '%22');
}
