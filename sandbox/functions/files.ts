import { ApiError } from '../core/errors';
import { formatDateTime, formatNullableDateTime } from '../core/dates';
import type { StoredFile } from '../store';
import type { CallContext, HandlerTable } from './context';
import { recordLookup } from './records';

/**
 * Files attached to contacts. Uploads arrive as multipart/form-data (parsed before dispatch).
 * GetFile hands out a FileUrl on the sandbox itself that expires 5 minutes after issue, on the
 * sandbox clock. Uploading a file with the same name to the same contact makes a new version.
 */

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function serializeFile(ctx: CallContext, f: StoredFile): Record<string, unknown> {
	return {
		FileId: f.FileId,
		CreatedBy: f.CreatedBy,
		FileType: f.FileType,
		DateCreated: formatDateTime(f.DateCreated),
		FileName: f.FileName,
		DisplayName: f.DisplayName,
		FileSize: f.Bytes.length,
		ParentId: f.ParentId,
		IsPrimary: f.IsPrimary,
		DateDeleted: formatNullableDateTime(f.DateDeleted),
		NumVersions: f.IsPrimary ? f.PreviousVersionIds.length + 1 : 1,
		FileUrl: ctx.issueFileUrl(f.FileId),
	};
}

const fileOf = recordLookup('file', 'FileId', (store) => store.files);

function CreateFile(ctx: CallContext) {
	const { p, store } = ctx;
	const contact = store.contact(p.req('ContactId'));
	const upload = ctx.upload;
	if (!upload) {
		throw new ApiError(
			'missing-parameter:CreateFile:File',
			`'File' is required for CreateFile: send multipart/form-data with the parts Function, Parameters (a JSON string) and File.`,
		);
	}
	if (upload.data.length > MAX_FILE_BYTES)
		throw new ApiError('file-too-large:CreateFile', `The file is larger than the 50 MB limit.`);
	const previous = [...store.files.values()].find(
		(f) => f.ParentId === contact.ContactId && f.IsPrimary && f.FileName === upload.filename,
	);
	const file: StoredFile = {
		FileId: store.newId(),
		CreatedBy: ctx.user.UserId,
		FileType: upload.contentType,
		DateCreated: ctx.now,
		FileName: upload.filename,
		DisplayName: upload.filename,
		ParentId: contact.ContactId,
		IsPrimary: true,
		DateDeleted: null,
		Bytes: upload.data,
		PreviousVersionIds: [],
	};
	if (previous) {
		previous.IsPrimary = false;
		file.PreviousVersionIds = [previous.FileId, ...previous.PreviousVersionIds];
		previous.PreviousVersionIds = [];
	}
	store.files.set(file.FileId, file);
	return { FileId: file.FileId };
}

function GetFile(ctx: CallContext) {
	return serializeFile(ctx, fileOf(ctx.store, ctx.p.req('FileId')));
}

/** A bare array (not paginated); older versions only with ReturnPreviousVersions. */
function GetFilesAttachedToContact(ctx: CallContext) {
	const contact = ctx.store.contact(ctx.p.req('ContactId'));
	const withVersions = ctx.p.bool('ReturnPreviousVersions') === true;
	const out: unknown[] = [];
	for (const f of ctx.store.files.values()) {
		if (f.ParentId !== contact.ContactId || !f.IsPrimary) continue;
		out.push(serializeFile(ctx, f));
		if (withVersions) {
			for (const id of f.PreviousVersionIds) {
				const old = ctx.store.files.get(id);
				if (old) out.push(serializeFile(ctx, old));
			}
		}
	}
	return out;
}

export const fileFunctions: HandlerTable = {
	GetFile,
	GetFilesAttachedToContact,
	CreateFile,
};
