import type { INodeProperties } from 'n8n-workflow';

import { englishProblems, iconProblems, placeholderProblems, resourceLocatorProblems } from './descriptionChecks';
import { nonEnglishFindings, proseOf } from './englishText';

const LIGHT = '<svg xmlns="http://www.w3.org/2000/svg"><path fill="#000"/></svg>';
const DARK = '<svg xmlns="http://www.w3.org/2000/svg"><path fill="#fff"/></svg>';

describe('release checks of node and credential descriptions', () => {
	const files: Record<string, string> = { 'dist/nodes/Books/books.svg': LIGHT, 'dist/nodes/Books/books.dark.svg': DARK };
	const readShipped = (path: string) => files[path];
	const themed = {
		light: 'icons/n8n-nodes-books/dist/nodes/Books/books.svg',
		dark: 'icons/n8n-nodes-books/dist/nodes/Books/books.dark.svg',
	};

	it('accept distinct light and dark SVG icons that ship', () => {
		expect(iconProblems(themed, readShipped)).toEqual([]);
	});

	it('refuse a single icon, a missing file, a PNG and the same picture twice', () => {
		expect(iconProblems('icons/n8n-nodes-books/dist/nodes/Books/books.svg', readShipped)).toHaveLength(1);
		expect(iconProblems({ ...themed, dark: 'icons/n8n-nodes-books/dist/nodes/Books/gone.svg' }, readShipped)).toEqual([
			'the dark icon dist/nodes/Books/gone.svg is not in the package',
		]);
		expect(iconProblems({ ...themed, dark: 'icons/n8n-nodes-books/dist/nodes/Books/books.png' }, readShipped)).toEqual([
			'the dark icon must be an SVG file, is icons/n8n-nodes-books/dist/nodes/Books/books.png',
		]);
		expect(iconProblems({ light: themed.light, dark: themed.light }, readShipped)).toEqual([
			'the light and dark icons are the same file content',
		]);
	});

	it('find letters outside A-Z and other languages\' little words, not typography or emoji', () => {
		expect(nonEnglishFindings('Invoice → Delete … Acme · e.g. 💻 — 5 × faster')).toEqual([]);
		expect(nonEnglishFindings('Rechnung löschen')).toEqual(['letters outside A-Z: ö']);
		expect(nonEnglishFindings('Supprimer la facture et les lignes')).toEqual(['words of another language: les']);
		expect(nonEnglishFindings('Счёт')).toEqual(['letters outside A-Z: С ч ё т']);
	});

	it('read Markdown prose only: code and link targets are not copy', () => {
		expect(nonEnglishFindings(proseOf('Run `npm run das` then [docs](https://example.com/les/para).\n```sh\necho und\n```'))).toEqual([]);
	});

	it('name the text that is not English, and leave expressions alone', () => {
		const description = {
			displayName: 'Books',
			properties: [
				{ displayName: 'Invoice ID', name: 'invoiceId', description: 'ID de la factura para borrar', default: '' },
				{ displayName: 'Subtitle', name: 'subtitle', default: '={{ $json.título }}' },
			],
		};
		expect(englishProblems(description)).toEqual([
			'properties.0.description: words of another language: para in "ID de la factura para borrar"',
		]);
	});

	const parameters = [
		{ displayName: 'Invoice', name: 'invoiceId', type: 'resourceLocator', default: { mode: 'id', value: '' }, modes: [{ displayName: 'From List', name: 'list', type: 'list' }, { displayName: 'By ID', name: 'id', type: 'string' }] },
		{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'name@email.com' },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [{ displayName: 'Reference', name: 'reference', type: 'string', default: '', placeholder: 'PAY-0042' }],
		},
	] as INodeProperties[];

	it('refuse a resource locator that does not open on From List', () => {
		expect(resourceLocatorProblems(parameters)).toEqual(['invoiceId must open on From List (default mode "list")']);
	});

	it('refuse a placeholder without "e.g.", also inside a collection; the linted email placeholder and collection buttons pass', () => {
		expect(placeholderProblems(parameters)).toEqual(['additionalFields.reference placeholder "PAY-0042" must start with "e.g. "']);
	});
});
