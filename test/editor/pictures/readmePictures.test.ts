import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { descriptionOf, withDescription } from './pngDescription';
import { PICTURES_COMMAND, picturesDir, picturesInReadme, readmePictures } from './readmePictures';

/*
 * README's pictures are taken by `npm run docs:images`, which checks the page against what
 * each caption says before saving it and records what it checked in the PNG. These tests read
 * that record back: a picture taken of another panel, or left stale after the panel changed,
 * does not match its caption.
 */
const pictures = Object.values(readmePictures());

describe("README's pictures", () => {
	it(`are the ones ${PICTURES_COMMAND} takes, each with the caption it checks`, () => {
		const byFile = (a: { file: string }, b: { file: string }) => a.file.localeCompare(b.file);
		expect(picturesInReadme().sort(byFile)).toEqual(pictures.map(({ file, caption }) => ({ file, caption })).sort(byFile));
	});

	it.each(pictures.map((picture) => [picture.file, picture] as const))(`%s shows what its caption says (if not: ${PICTURES_COMMAND})`, (file, picture) => {
		const recorded = descriptionOf(readFileSync(join(picturesDir, file)));
		expect(recorded).toBeDefined();
		expect(JSON.parse(recorded as string)).toEqual(picture.shows);
	});

});

describe('a PNG description', () => {
	const png = readFileSync(join(picturesDir, pictures[0].file));

	it('is read back as written, in place of the one the PNG had, the image data unchanged', () => {
		const first = withDescription(png, 'first');
		const described = withDescription(first, '{"panel":"Create an invoice → ✓"}');
		expect(descriptionOf(described)).toBe('{"panel":"Create an invoice → ✓"}');
		expect(described.length - first.length).toBe(Buffer.byteLength('{"panel":"Create an invoice → ✓"}') - Buffer.byteLength('first'));
		expect(withDescription(described, 'another').equals(withDescription(png, 'another'))).toBe(true);
	});

	it('is absent from a PNG without one', () => {
		const iend = png.subarray(-12);
		const bare = Buffer.concat([png.subarray(0, 33), iend]);
		expect(descriptionOf(bare)).toBeUndefined();
	});
});
