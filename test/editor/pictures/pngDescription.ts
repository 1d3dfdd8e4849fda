import { crc32 } from 'node:zlib';

/**
 * A PNG's "Description" text chunk (iTXt, UTF-8): the picture script records there what it
 * checked the picture shows, so a unit test can compare a committed picture with its caption.
 */

// keyword, NUL, not compressed (0, 0), no language tag (NUL), no translated keyword (NUL); then the text
const DESCRIPTION_PREFIX = Buffer.from('Description\0\0\0\0\0', 'latin1');
const SIGNATURE_LENGTH = 8;

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typeAndData));
	return Buffer.concat([length, typeAndData, crc]);
}

function* chunks(png: Buffer): Generator<{ type: string; data: Buffer; start: number }> {
	for (let offset = SIGNATURE_LENGTH; offset + 8 <= png.length; ) {
		const length = png.readUInt32BE(offset);
		const type = png.toString('latin1', offset + 4, offset + 8);
		yield { type, data: png.subarray(offset + 8, offset + 8 + length), start: offset };
		offset += 12 + length;
	}
}

function isDescription(candidate: { type: string; data: Buffer }): boolean {
	return candidate.type === 'iTXt' && candidate.data.subarray(0, DESCRIPTION_PREFIX.length).equals(DESCRIPTION_PREFIX);
}

/** The PNG with `text` as its Description (in place of any it had), placed just before the closing IEND chunk. */
export function withDescription(png: Buffer, text: string): Buffer {
	const parts = [...chunks(png)];
	const end = parts.find((candidate) => candidate.type === 'IEND');
	if (!end) throw new Error('not a PNG: no IEND chunk');
	const kept = parts.filter((candidate) => candidate !== end && !isDescription(candidate)).map((candidate) => png.subarray(candidate.start, candidate.start + 12 + candidate.data.length));
	const description = chunk('iTXt', Buffer.concat([DESCRIPTION_PREFIX, Buffer.from(text, 'utf8')]));
	return Buffer.concat([png.subarray(0, SIGNATURE_LENGTH), ...kept, description, png.subarray(end.start)]);
}

export function descriptionOf(png: Buffer): string | undefined {
	return [...chunks(png)].find(isDescription)?.data.subarray(DESCRIPTION_PREFIX.length).toString('utf8');
}
