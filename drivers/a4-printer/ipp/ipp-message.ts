/** One IPP attribute value with its value tag. Integers/enums are numbers, booleans booleans, text and keywords strings (UTF-8), anything else raw bytes; out-of-band values (0x10–0x1F) are null. */
export interface IppValue {
  tag: number;
  value: number | boolean | string | Uint8Array | null;
}

/** A named attribute with one or more values. */
export interface IppAttribute {
  name: string;
  values: IppValue[];
}

/** An attribute group (operation, job, printer, unsupported). */
export interface IppGroup {
  tag: number;
  attributes: IppAttribute[];
}

/** A whole IPP request or response (RFC 8010 §3.1). */
export interface IppMessage {
  /** Major and minor version, e.g. [2, 0]. */
  version: [number, number];
  /** Operation id (request) or status code (response). */
  code: number;
  /** Request id echoed by the server; 1..2^31-1. */
  requestId: number;
  groups: IppGroup[];
  /** Document data after the attributes (e.g. the PDF); empty when none. */
  data: Uint8Array;
}

/** Shorthand for an attribute with one or more values of the same tag. */
export function attr(name: string, tag: number, ...values: Array<number | boolean | string>): IppAttribute {
  return { name, values: values.map((value) => ({ tag, value })) };
}

/** First attribute called `name` in any group with tag `groupTag` (any group when omitted), or undefined. */
export function findAttribute(message: IppMessage, name: string, groupTag?: number): IppAttribute | undefined {
  for (const g of message.groups) {
    if (groupTag !== undefined && g.tag !== groupTag) continue;
    const a = g.attributes.find((x) => x.name === name);
    if (a) return a;
  }
  return undefined;
}

/** The first value of an attribute as a number, or null when absent or not a number. */
export function numberValue(message: IppMessage, name: string, groupTag?: number): number | null {
  const v = findAttribute(message, name, groupTag)?.values[0]?.value;
  return typeof v === 'number' ? v : null;
}

/** Every string value of an attribute (e.g. `printer-state-reasons`); [] when absent. */
export function stringValues(message: IppMessage, name: string, groupTag?: number): string[] {
  return (findAttribute(message, name, groupTag)?.values ?? []).map((v) => v.value).filter((v): v is string => typeof v === 'string');
}
