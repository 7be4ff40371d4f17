/** Allowed attachment types: by extension, confirmed by the file's first bytes. */

interface FileType {
  mime: string;
  magic: (head: Buffer) => boolean;
}

const starts = (sig: number[]) => (head: Buffer) => sig.every((b, i) => head[i] === b);
const zip = starts([0x50, 0x4b, 0x03, 0x04]);
const ole = starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const text = (head: Buffer) => !head.includes(0);

export const FILE_TYPES: Record<string, FileType> = {
  pdf: { mime: 'application/pdf', magic: starts([0x25, 0x50, 0x44, 0x46]) },
  png: { mime: 'image/png', magic: starts([0x89, 0x50, 0x4e, 0x47]) },
  jpg: { mime: 'image/jpeg', magic: starts([0xff, 0xd8, 0xff]) },
  jpeg: { mime: 'image/jpeg', magic: starts([0xff, 0xd8, 0xff]) },
  gif: { mime: 'image/gif', magic: starts([0x47, 0x49, 0x46, 0x38]) },
  webp: {
    mime: 'image/webp',
    magic: (h) => starts([0x52, 0x49, 0x46, 0x46])(h) && h.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: zip },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: zip },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: zip },
  doc: { mime: 'application/msword', magic: ole },
  xls: { mime: 'application/vnd.ms-excel', magic: ole },
  ppt: { mime: 'application/vnd.ms-powerpoint', magic: ole },
  txt: { mime: 'text/plain; charset=utf-8', magic: text },
};

export const ALLOWED_EXTENSIONS = Object.keys(FILE_TYPES);

/** The type of a file by name, or null when the extension is not allowed. */
export function typeOf(name: string): FileType | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return FILE_TYPES[ext] ?? null;
}
