/**
 * Streaming XML for the readers of SpreadsheetML: a SAX parser (saxes) fed bytes as they inflate, with the bytes
 * of one text node or tag bounded before the parser collects them whole, and the small string helpers the
 * readers need so that no cell keeps a piece of the XML alive.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { READ_LIMITS, WorkbookTooLarge } from './read-limits.ts';

/**
 * Bytes of XML decoded and handed to the parser at a time: each piece becomes an ordinary young-generation
 * string (strings past ~128 KB go to V8's large-object space, which only a full GC frees).
 */
const PIECE_BYTES = 32 * 1024;

export interface XmlHandlers {
  /** An element opened (name without its namespace prefix). */
  open?: (name: string, tag: SaxesTagPlain) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** A tag's name without its namespace prefix (x:row → row): Excel writes none, other tools may prefix every element. */
export function localName(name: string): string {
  const at = name.indexOf(':');
  return at < 0 ? name : name.slice(at + 1);
}

/** An attribute by its local name, whatever its prefix (r:id, id). */
export function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const plain = tag.attributes[name];
  if (plain !== undefined) return plain;
  for (const key in tag.attributes) if (localName(key) === name) return tag.attributes[key];
  return undefined;
}

/**
 * A SAX parser fed with UTF-8 bytes as they arrive; throws on XML that is not well-formed. saxes collects a
 * text node or a tag whole before handing it on, so the bytes between two '<' are bounded here first.
 */
export class XmlStream {
  private readonly parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  private readonly decoder = new TextDecoder('utf-8');
  /** Bytes since the last '<'. */
  private run = 0;

  private readonly tokenBytes: number;

  constructor(handlers: XmlHandlers, tokenBytes = READ_LIMITS.tokenBytes) {
    this.tokenBytes = tokenBytes;
    const { open, close, text } = handlers;
    if (open) this.parser.on('opentag', (tag) => open(localName(tag.name), tag));
    if (close) this.parser.on('closetag', (tag) => close(localName(tag.name)));
    if (text) {
      this.parser.on('text', text);
      this.parser.on('cdata', text);
    }
  }

  write(bytes: Uint8Array): void {
    for (let from = 0; ; ) {
      const lt = bytes.indexOf(0x3c, from);
      this.run += (lt < 0 ? bytes.length : lt) - from;
      if (this.run > this.tokenBytes)
        throw new WorkbookTooLarge(`文件中有超过 ${this.tokenBytes} 字节的单个文本或标记`);
      if (lt < 0) break;
      this.run = 0;
      from = lt + 1;
    }
    for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
      this.parser.write(this.decoder.decode(bytes.subarray(at, at + PIECE_BYTES), { stream: true }));
    }
  }

  end(): void {
    this.parser.write(this.decoder.decode());
    this.parser.close();
  }
}

/** Parses a part held in memory (the small ones: workbook, relationships, styles). */
export function parseXml(bytes: Uint8Array | undefined, handlers: XmlHandlers): void {
  if (!bytes) return;
  const xml = new XmlStream(handlers);
  xml.write(bytes);
  xml.end();
}

/**
 * A string that no longer points into the piece of XML it was cut from. V8 keeps a substring as a view of its
 * parent, so a cell of a few characters would keep its whole piece of the sheet alive for as long as the grid.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1); // the concatenation is flattened into a fresh string
}

/** Characters SpreadsheetML escapes as _xHHHH_ (control characters, and _x itself as _x005F_). */
export function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}
