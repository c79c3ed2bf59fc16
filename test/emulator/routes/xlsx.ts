// Enough of XLSX to import one: the zip archive's entries (stored or deflated) and the first
// worksheet's cells (shared strings, inline strings, numbers), by row. Formulas are not read:
// Smartsheet imports only their values.
import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** The files of a zip archive by name; throws on anything that is not one. */
export function unzip(buffer: Buffer): Map<string, Buffer> {
	let end = buffer.length - 22;
	while (end >= 0 && buffer.readUInt32LE(end) !== END_OF_DIRECTORY) end--;
	if (end < 0) throw new Error('not a zip archive');
	const files = new Map<string, Buffer>();
	let offset = buffer.readUInt32LE(end + 16);
	for (let count = buffer.readUInt16LE(end + 10); count > 0; count--) {
		if (buffer.readUInt32LE(offset) !== DIRECTORY_ENTRY) throw new Error('a broken zip directory');
		const method = buffer.readUInt16LE(offset + 10);
		const size = buffer.readUInt32LE(offset + 20);
		const nameLength = buffer.readUInt16LE(offset + 28);
		const local = buffer.readUInt32LE(offset + 42);
		const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
		const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
		const data = buffer.subarray(start, start + size);
		files.set(name, method === 0 ? data : inflateRawSync(data));
		offset += 46 + nameLength + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
	}
	return files;
}

function unescapeXml(text: string): string {
	return text.replace(
		/&(lt|gt|quot|apos|amp);/g,
		(_match, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!,
	);
}

function textOf(xml: string): string {
	return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)]
		.map((match) => unescapeXml(match[1]))
		.join('');
}

/** "C7" → 2 (zero-based column). */
function columnOf(reference: string): number {
	let column = 0;
	for (const letter of /^[A-Z]+/.exec(reference)?.[0] ?? 'A')
		column = column * 26 + letter.charCodeAt(0) - 64;
	return column - 1;
}

/** The first worksheet's rows, as text, gaps filled with ''. */
export function readXlsx(buffer: Buffer): string[][] {
	const files = unzip(buffer);
	const sheet = files.get('xl/worksheets/sheet1.xml')?.toString('utf8');
	if (!sheet) throw new Error('no first worksheet');
	const shared = [
		...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(
			/<si>([\s\S]*?)<\/si>/g,
		),
	].map((match) => textOf(match[1]));
	return [...sheet.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)].map((row) => {
		const values: string[] = [];
		for (const cell of row[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
			const attributes = cell[1];
			const body = cell[2] ?? '';
			const type = /\bt="(\w+)"/.exec(attributes)?.[1];
			const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
			const value =
				type === 's'
					? (shared[Number(raw)] ?? '')
					: type === 'inlineStr'
						? textOf(body)
						: unescapeXml(raw ?? '');
			values[columnOf(/\br="([A-Z]+\d+)"/.exec(attributes)?.[1] ?? '')] = value;
		}
		return Array.from(values, (value) => value ?? '');
	});
}
