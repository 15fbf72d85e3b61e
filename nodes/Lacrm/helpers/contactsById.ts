/**
 * Many contacts by id in as few calls as LACRM allows. GetContactsById takes up to 10,000 ids per
 * call (its page size limit), so 500 Gets become one call instead of 500.
 *
 * No source says what GetContactsById does with an id it does not know: leave it out, or reject
 * the whole call. Both are handled. A rejected call is split in halves until the ids that cause it
 * are alone, so one bad id never fails the others; an id LACRM does not return is then asked for
 * with GetContact on its own, so that item gets exactly the result (or error) a one-by-one Get
 * gives it.
 */
import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { LacrmClient } from '../transport/client';
import { MAX_PAGE_SIZE } from '../transport/functions';

/** The most ids one GetContactsById call asks for: LACRM's largest page. */
const MAX_IDS_PER_LOOKUP = MAX_PAGE_SIZE;

/** LACRM answered with its own error ({ErrorCode, ErrorDescription}): about the request's content. */
function isLacrmRejection(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const response = (error as { errorResponse?: JsonObject }).errorResponse;
	return response?.ErrorCode !== undefined && response.ErrorCode !== null;
}

/**
 * Reads each id's record, or the error that id alone gets. `itemIndexOf` names the input item an
 * error belongs to. Calls: one per 10,000 ids when every id exists; when LACRM rejects a call,
 * about 2·log2(n) more per bad id (at most n/8 in all, then the rest go one by one), plus one
 * GetContact per id LACRM does not return.
 */
export async function readContactsById(
	client: LacrmClient,
	ids: string[],
	itemIndexOf: (id: string) => number,
): Promise<Map<string, IDataObject | Error>> {
	const unique = [...new Set(ids)];
	const found = new Map<string, IDataObject | Error>();
	const oneByOne: string[] = [];
	// Splitting a call that LACRM rejects for a reason unrelated to ids (a credential refused with a
	// 400, say) would never end in a good call; past this budget the rest goes one by one.
	let splitBudget = Math.max(8, Math.ceil(unique.length / 8));

	const lookUp = async (chunk: string[]): Promise<void> => {
		if (chunk.length === 1) {
			oneByOne.push(chunk[0]);
			return;
		}
		let records: IDataObject[];
		try {
			records = await client.callAll(
				'GetContactsById',
				{ ContactIds: chunk },
				{ pageSize: chunk.length, itemIndex: itemIndexOf(chunk[0]) },
			);
		} catch (error) {
			if (!isLacrmRejection(error)) {
				for (const id of chunk) found.set(id, error as Error);
				return;
			}
			if (splitBudget <= 0) {
				oneByOne.push(...chunk);
				return;
			}
			splitBudget -= 2;
			const half = Math.ceil(chunk.length / 2);
			await lookUp(chunk.slice(0, half));
			await lookUp(chunk.slice(half));
			return;
		}
		const asked = new Set(chunk);
		for (const record of records) {
			const id = String(record.ContactId);
			if (asked.has(id)) found.set(id, record);
		}
		for (const id of chunk) if (!found.has(id)) oneByOne.push(id);
	};

	// A single id goes straight to GetContact: one call either way, and what a one-by-one Get sends.
	for (let start = 0; start < unique.length; start += MAX_IDS_PER_LOOKUP) {
		await lookUp(unique.slice(start, start + MAX_IDS_PER_LOOKUP));
	}
	for (const id of oneByOne) {
		try {
			const record = await client.call(
				'GetContact',
				{ ContactId: id },
				{ itemIndex: itemIndexOf(id) },
			);
			found.set(id, record);
		} catch (error) {
			found.set(id, error as Error);
		}
	}
	return found;
}
