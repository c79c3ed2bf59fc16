// A small XLSX workbook for import tests, written independently of the emulator's reader: a zip
// with a content-types part, shared strings and one worksheet (numbers as numbers), deflated.
import { crc32, deflateRawSync } from 'node:zlib';

function escapeXml(text: string): string {
	return text.replace(
		/[<>&"]/g,
		(ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch]!,
	);
}

function zip(files: Array<[string, string]>): Buffer {
	const locals: Buffer[] = [];
	const directory: Buffer[] = [];
	let offset = 0;
	for (const [name, text] of files) {
		const data = Buffer.from(text, 'utf8');
		const packed = deflateRawSync(data);
		const nameBytes = Buffer.from(name, 'utf8');
		const head = Buffer.alloc(30);
		head.writeUInt32LE(0x04034b50, 0);
		head.writeUInt16LE(20, 4);
		head.writeUInt16LE(8, 8); // deflated
		head.writeUInt32LE(crc32(data), 14);
		head.writeUInt32LE(packed.length, 18);
		head.writeUInt32LE(data.length, 22);
		head.writeUInt16LE(nameBytes.length, 26);
		const entry = Buffer.alloc(46);
		entry.writeUInt32LE(0x02014b50, 0);
		entry.writeUInt16LE(20, 4);
		entry.writeUInt16LE(20, 6);
		entry.writeUInt16LE(8, 10);
		entry.writeUInt32LE(crc32(data), 16);
		entry.writeUInt32LE(packed.length, 20);
		entry.writeUInt32LE(data.length, 24);
		entry.writeUInt16LE(nameBytes.length, 28);
		entry.writeUInt32LE(offset, 42);
		locals.push(head, nameBytes, packed);
		directory.push(entry, nameBytes);
		offset += head.length + nameBytes.length + packed.length;
	}
	const size = directory.reduce((total, part) => total + part.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(files.length, 8);
	end.writeUInt16LE(files.length, 10);
	end.writeUInt32LE(size, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, ...directory, end]);
}

/** An XLSX file whose first worksheet holds `rows` (strings shared, numbers as numbers). */
export function xlsxOf(rows: Array<Array<string | number>>): Buffer {
	const strings: string[] = [];
	const cells = rows.map(
		(row, r) =>
			`<row r="${r + 1}">${row
				.map((value, c) => {
					const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
					if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
					strings.push(value);
					return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
				})
				.join('')}</row>`,
	);
	return zip([
		[
			'[Content_Types].xml',
			'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
		],
		[
			'xl/sharedStrings.xml',
			`<?xml version="1.0" encoding="UTF-8"?><sst>${strings.map((text) => `<si><t>${escapeXml(text)}</t></si>`).join('')}</sst>`,
		],
		[
			'xl/worksheets/sheet1.xml',
			`<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>${cells.join('')}</sheetData></worksheet>`,
		],
	]);
}
