import type { IDataObject } from 'n8n-workflow';

import { simplifyMetaData } from '../../helpers/simplify';

/**
 * Contact and author names next to their ids. A note written as a pipeline item update carries
 * PipelineInfo, whose pipeline and status names are flattened the same way.
 */
export function simplifyNote(note: IDataObject): IDataObject {
	const simplified = simplifyMetaData(note);
	const pipelineInfo = note.PipelineInfo;
	if (pipelineInfo && typeof pipelineInfo === 'object' && !Array.isArray(pipelineInfo)) {
		simplified.PipelineInfo = simplifyMetaData(pipelineInfo as IDataObject);
	}
	return simplified;
}
