import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { TOOL_DEFAULT_LIMIT, TOOL_MAX_RECORDS } from '../../pipeline/toolMode';
import type { DisplayOptions } from './operationDefinition';

/**
 * Return All and Limit of a Get Many operation. Paging is done by the request executor
 * (pipeline/pageThrough.ts), so neither field has routing of its own. The tool node has its
 * own, smaller default Limit: a model pays for every record.
 */
export function returnAllAndLimit(displayOptions: DisplayOptions): INodeProperties[] {
	const limit: INodeProperties = {
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	};
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{ ...limit, displayOptions: { show: { ...displayOptions.show, returnAll: [false], '@tool': [false] } } },
		// n8n's usual default of 50 is for workflows; a model pays for every record it reads.
		{
			...limit,
			default: TOOL_DEFAULT_LIMIT,
			hint: `As a tool, at most ${TOOL_MAX_RECORDS} a call`,
			displayOptions: { show: { ...displayOptions.show, returnAll: [false], '@tool': [true] } },
		},
	];
}

export function simplifyField(displayOptions: DisplayOptions, fields: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return a simplified version of the response instead of the raw data (${fields})`,
		displayOptions,
	};
}

/** Sort Key and Sort Order, sent as the API's `sortKey` and `sortOrder`. */
export function sortField(displayOptions: DisplayOptions, sortKeys: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add sort',
		default: {},
		displayOptions,
		options: [
			{
				displayName: 'Sort Key',
				name: 'sortKey',
				type: 'options',
				options: sortKeys,
				default: '_id',
				routing: { send: { type: 'query', property: 'sortKey' } },
			},
			{
				displayName: 'Sort Order',
				name: 'sortOrder',
				type: 'options',
				options: [
					{ name: 'Ascending', value: '1' },
					{ name: 'Descending', value: '-1' },
				],
				default: '1',
				routing: { send: { type: 'query', property: 'sortOrder' } },
			},
		],
	};
}

/** The Search filter of a list the API searches by name with its `query` parameter. */
export function searchFilterOption(description: string): INodeProperties {
	return {
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. Acme',
		description,
		routing: { send: { type: 'query', property: 'query' } },
	};
}

/** The Filters collection of a Get Many operation. */
export function filtersField(displayOptions: DisplayOptions, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions,
		options,
	};
}
