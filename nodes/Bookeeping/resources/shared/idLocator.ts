import type { INodeProperties } from 'n8n-workflow';

import type { DisplayOptions } from './operationDefinition';

const OBJECT_ID_REGEX = '^\\s*[0-9a-fA-F]{24}\\s*$';

export interface IdLocatorOptions {
	name: string;
	displayName: string;
	/** A method of `methods.listSearch`. */
	searchMethod: string;
	description: string;
	displayOptions?: DisplayOptions;
	required?: boolean;
}

/**
 * A record id as n8n's resource locator: From List (searched in Bookeeping.ai) or By ID.
 * A plain string or expression stored in it keeps working, as in workflows built on 0.1.0.
 */
export function idLocator(options: IdLocatorOptions): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: options.description,
		displayOptions: options.displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select…',
				typeOptions: { searchListMethod: options.searchMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 65f1c0ffee0123456789abcd',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: OBJECT_ID_REGEX,
							errorMessage: 'Must be a 24-character hexadecimal ID, e.g. 65f1c0ffee0123456789abcd',
						},
					},
				],
			},
		],
	};
}
