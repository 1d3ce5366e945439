import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';

// Elements that may repeat, parsed as arrays even when there is one, so tests index them uniformly.
const REPEATED = new Set(['item', 'entry', 'category', 'dc:creator', 'author', 'link', 'url', 'sitemap']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => REPEATED.has(name),
});

/** Parses XML after checking it is well-formed; fails the test with the parser's message if not. */
export function parseXml(xml: string): Record<string, any> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`Not well-formed XML: ${JSON.stringify(valid.err)}`);
  return parser.parse(xml);
}

/** Text of an element that may carry attributes. */
export function textOf(node: unknown): string {
  if (node && typeof node === 'object' && '#text' in node) return String((node as { '#text': unknown })['#text']);
  return String(node);
}

const xsd = (fileName: string) => ({ fileName, contents: readFileSync(`test/fixtures/xsd/${fileName}`, 'utf8') });

/** Validates against the sitemap 0.9 XSDs (and the Google News one) with libxml2 compiled to WebAssembly. */
export async function validateSitemap(xml: string, schema: 'sitemap.xsd' | 'siteindex.xsd'): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'sitemap.xml', contents: xml }],
    schema: [xsd(schema)],
    preload: schema === 'sitemap.xsd' ? [xsd('sitemap-news.xsd')] : [],
  });
  return result.errors.map((error) => error.message);
}
