import type { INodeProperties } from 'n8n-workflow';

import type { IdInput } from '../../pipeline/operationSpec';
import { idLocator } from './idLocator';
import type { DisplayOptions } from './operationDefinition';

/** How an id looks, for what a model is told. */
export const ID_FORMAT = '24 hexadecimal characters, e.g. 65f1c0ffee0123456789abcd';

/** One record's id parameter: its field, its check, its path and how messages name it. */
export interface RecordId {
	input: IdInput;
	field: (displayOptions: DisplayOptions, description: string) => INodeProperties;
	/** The id as an expression inside a routing URL, for paths built around it. */
	idTemplate: string;
	/** The record's path, e.g. `=/v1/accounts/{{ … }}`; the id is checked before it is sent. */
	path: string;
	subject: (ids: Record<string, string>) => string;
}

export function recordId(options: {
	parameter: string;
	label: string;
	noun: string;
	collectionPath: string;
	searchMethod: string;
	/** How a model finds the id, in terms of operations. */
	findWith: string;
}): RecordId {
	const { parameter, label, noun, collectionPath, searchMethod, findWith } = options;
	const idTemplate = `{{ String($parameter.${parameter} ?? "").trim() }}`;
	return {
		input: { parameter, label, findWith },
		field: (displayOptions, description) =>
			idLocator({ name: parameter, displayName: label, searchMethod, description, displayOptions }),
		idTemplate,
		path: `=${collectionPath}/${idTemplate}`,
		subject: (ids) => `${noun} ${ids[parameter]}`,
	};
}
