// A minimal XML writer for feeds and sitemaps: elements, attributes and text, nothing else.
// It replaced xmlbuilder2, which checked and copied every character of every text one by one: for a
// 50-item full-text feed (~400 KB of body HTML) that was most of the CPU a feed cost, and its garbage.
// Here a text is escaped with a test for invalid characters and three replaceAll passes.

import { escapeXmlText, withoutInvalidXmlChars } from '../common/xml-text.js';

type Attributes = Record<string, string | number | null | undefined>;

export interface XMLBuilder {
  readonly name: string;
  readonly attributes: string;
  readonly children: (XMLBuilder | string)[];
}

// In attributes also the quote that delimits them, and whitespace a parser would otherwise normalise.
const ATTRIBUTE_SPECIALS = /[&<>"\t\n\r]/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};
const entity = (char: string) => ENTITIES[char]!;

function escapeXmlAttribute(value: string): string {
  return withoutInvalidXmlChars(value).replace(ATTRIBUTE_SPECIALS, entity);
}

/** Text already escaped with escapeXmlText (stored so at write time): written as it is. */
export class EscapedText {
  constructor(readonly value: string) {}
}

/** The document: a holder for the root element. */
export function xmlDocument(): XMLBuilder {
  return { name: '', attributes: '', children: [] };
}

export function serialise(doc: XMLBuilder): string {
  return partsOf(doc).join('');
}

// Small parts are joined into chunks of about this many characters before they are encoded: one
// encoding call per ~2,500 tags and texts of a 50-item feed would cost more than it saves.
const CHUNK = 16_384;

/**
 * The document as the UTF-8 bytes a response sends, equal to Buffer.from(serialise(doc)), written
 * straight into one Buffer: a full-text feed's ~400 KB of stored bodies are not first copied into
 * one string (a two-byte string of ~800 KB as soon as one character is not Latin-1) to be encoded.
 */
export function serialiseBytes(doc: XMLBuilder): Buffer {
  const chunks: string[] = [];
  let chunk = '';
  for (const part of partsOf(doc)) {
    if (part.length >= CHUNK) {
      if (chunk) chunks.push(chunk);
      chunks.push(part);
      chunk = '';
    } else {
      chunk += part;
      if (chunk.length >= CHUNK) {
        chunks.push(chunk);
        chunk = '';
      }
    }
  }
  if (chunk) chunks.push(chunk);
  let length = 0;
  for (const text of chunks) length += Buffer.byteLength(text, 'utf8');
  const bytes = Buffer.allocUnsafe(length);
  let offset = 0;
  for (const text of chunks) offset += bytes.write(text, offset, 'utf8');
  return bytes;
}

function partsOf(doc: XMLBuilder): string[] {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>'];
  for (const child of doc.children) write(child, parts);
  return parts;
}

function write(node: XMLBuilder | string, parts: string[]): void {
  if (typeof node === 'string') {
    parts.push(node);
    return;
  }
  if (node.children.length === 0) {
    parts.push(`<${node.name}${node.attributes}/>`);
    return;
  }
  parts.push(`<${node.name}${node.attributes}>`);
  for (const child of node.children) write(child, parts);
  parts.push(`</${node.name}>`);
}

/** Adds a child element; every text and attribute value goes through here and is escaped. */
export function el(
  parent: XMLBuilder,
  name: string,
  attributes: Attributes = {},
  text?: string | EscapedText | null,
): XMLBuilder {
  let written = '';
  for (const [key, value] of Object.entries(attributes)) {
    if (value != null) written += ` ${key}="${escapeXmlAttribute(String(value))}"`;
  }
  const child: XMLBuilder = { name, attributes: written, children: [] };
  if (text instanceof EscapedText) {
    if (text.value !== '') child.children.push(text.value);
  } else if (text != null && text !== '') child.children.push(escapeXmlText(text));
  parent.children.push(child);
  return child;
}

/** Adds `<name>text</name>` only when there is text. */
export function optionalElement(
  parent: XMLBuilder,
  name: string,
  text: string | EscapedText | null | undefined,
  attributes: Attributes = {},
): void {
  if (text instanceof EscapedText ? text.value : text) el(parent, name, attributes, text);
}
