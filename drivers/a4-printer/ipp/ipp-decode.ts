import { DeviceError } from '../../base/errors';
import { ValueTag } from './ipp-constants';
import type { IppAttribute, IppGroup, IppMessage, IppValue } from './ipp-message';

const utf8 = new TextDecoder();

function malformed(detail: string): DeviceError {
  return new DeviceError('ProtocolError', `malformed IPP message: ${detail}`, { classCode: 'ipp-malformed', messageZh: '打印服务应答格式错误' });
}

function decodeValue(tag: number, bytes: Uint8Array): IppValue {
  if (tag >= 0x10 && tag <= 0x1f) return { tag, value: null };
  if (tag === ValueTag.integer || tag === ValueTag.enum) {
    if (bytes.length !== 4) throw malformed(`integer of ${bytes.length} bytes`);
    return { tag, value: new DataView(bytes.buffer, bytes.byteOffset, 4).getInt32(0) };
  }
  if (tag === ValueTag.boolean) {
    if (bytes.length !== 1) throw malformed(`boolean of ${bytes.length} bytes`);
    return { tag, value: bytes[0] !== 0 };
  }
  if (tag >= 0x41 && tag <= 0x4a) return { tag, value: utf8.decode(bytes) };
  return { tag, value: bytes.slice() };
}

/**
 * Decodes an IPP message (RFC 8010 §3.1). Collections and other structured
 * values are kept flat: their member values follow as extra raw values of the
 * attribute that opened them. Throws {@link DeviceError} `ProtocolError`
 * (`ipp-malformed`) for a truncated or inconsistent message; never reads past
 * the buffer.
 */
export function decodeIppMessage(bytes: Uint8Array): IppMessage {
  if (bytes.length < 9) throw malformed(`only ${bytes.length} bytes`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const message: IppMessage = {
    version: [bytes[0]!, bytes[1]!],
    code: dv.getUint16(2),
    requestId: dv.getUint32(4),
    groups: [],
    data: new Uint8Array(0),
  };
  let offset = 8;
  let group: IppGroup | null = null;
  let current: IppAttribute | null = null;
  const need = (n: number) => {
    if (offset + n > bytes.length) throw malformed(`truncated at byte ${offset}`);
  };
  for (;;) {
    need(1);
    const tag = bytes[offset]!;
    offset++;
    if (tag === 0x03) break;
    if (tag <= 0x0f) {
      group = { tag, attributes: [] };
      message.groups.push(group);
      current = null;
      continue;
    }
    if (!group) throw malformed('value before any group');
    need(2);
    const nameLength = dv.getUint16(offset);
    offset += 2;
    need(nameLength + 2);
    const name = utf8.decode(bytes.subarray(offset, offset + nameLength));
    offset += nameLength;
    const valueLength = dv.getUint16(offset);
    offset += 2;
    need(valueLength);
    const value = decodeValue(tag, bytes.subarray(offset, offset + valueLength));
    offset += valueLength;
    if (nameLength > 0) {
      current = { name, values: [value] };
      group.attributes.push(current);
    } else {
      if (!current) throw malformed('additional value without an attribute');
      current.values.push(value);
    }
  }
  message.data = bytes.slice(offset);
  return message;
}
