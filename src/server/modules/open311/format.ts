/**
 * GeoReport v2 wire formats: every response exists as JSON and as XML (XML is the required one). The XML
 * shapes follow the specification: a plural root element and one child per item; nulls become empty elements.
 */
import { XMLBuilder } from 'fast-xml-parser';

export type Format = 'json' | 'xml';

const builder = new XMLBuilder({ ignoreAttributes: true, format: false, suppressEmptyNode: false });

/** The format a path asks for (`requests.xml`, `services/abc.json`), or null when it names none we speak. */
export function formatOf(url: string): Format | null {
  const path = url.split('?')[0];
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.xml')) return 'xml';
  return null;
}

/** Splits `name.format`; null when the suffix is not json or xml. */
export function splitSuffix(file: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? { name: m[1], format: m[2] as Format } : null;
}

function clean(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(clean);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
  return value;
}

/** `<root><item>…</item>…</root>` for a list, `<root>…</root>` for one object. */
export function toXml(root: string, body: unknown, item?: string): string {
  const content = item ? { [item]: clean(body) } : clean(body);
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: content })}`;
}

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The standard error list: `[{code, description}]`, or `<errors><error>…</error></errors>`. */
export function errorBody(format: Format, status: number, description: string): string {
  const errors = [{ code: status, description }];
  return format === 'json' ? JSON.stringify(errors) : toXml('errors', errors, 'error');
}
