import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

export type { XMLBuilder };

type Attributes = Record<string, string | number | null | undefined>;

// xmlbuilder2 escapes text and attributes; characters XML 1.0 forbids (control characters an
// editor pasted in) are dropped instead of failing the whole feed.
export function xmlDocument(): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
}

export function serialise(doc: XMLBuilder): string {
  return doc.end({ prettyPrint: false });
}

/**
 * Adds a child element. Every text and attribute value must go through here: xmlbuilder2 leaves
 * anything that looks like an entity ("&lt;", "&nbsp;") as it is, which would turn an editor's literal
 * "&lt;" into "<" for readers and "&nbsp;" into an undefined entity. Escaping each "&" first leaves
 * the writer only "&amp;", which it keeps, and the characters it does escape.
 */
export function el(parent: XMLBuilder, name: string, attributes: Attributes = {}, text?: string | null): XMLBuilder {
  const present = Object.entries(attributes).filter((entry): entry is [string, string | number] => entry[1] != null);
  const child = parent.ele(name, Object.fromEntries(present.map(([key, value]) => [key, escapeAmpersands(String(value))])));
  if (text != null) child.txt(escapeAmpersands(text));
  return child;
}

/** Adds `<name>text</name>` only when there is text. */
export function optionalElement(parent: XMLBuilder, name: string, text: string | null | undefined): void {
  if (text) el(parent, name, {}, text);
}

function escapeAmpersands(value: string): string {
  return value.replaceAll('&', '&amp;');
}
