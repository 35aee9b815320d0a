import { closeSync, openSync, readSync } from 'node:fs';

/** One file of an asar archive. */
export interface AsarFile {
  /** Path inside the archive, `/`-separated, no leading slash. */
  path: string;
  size: number;
  /** True when the file is stored beside the archive (`app.asar.unpacked/`), not inside it. */
  unpacked: boolean;
  /** Byte offset of the content after the header; null when unpacked. */
  offset: number | null;
}

interface AsarNode {
  files?: Record<string, AsarNode>;
  size?: number;
  offset?: string;
  unpacked?: boolean;
  link?: string;
}

/**
 * Lists an asar archive's files from its header. Written here because the
 * project declares no asar package (@electron/asar comes only through
 * electron-builder) and the header is a fixed 16-byte Chromium-pickle
 * prefix followed by JSON: size-pickle (UInt32 4, UInt32 header size), then
 * header-pickle (UInt32 payload, UInt32 string length, the JSON).
 */
export function readAsarIndex(archive: string): { files: AsarFile[]; contentStart: number } {
  const fd = openSync(archive, 'r');
  try {
    const prefix = Buffer.alloc(16);
    readSync(fd, prefix, 0, 16, 0);
    const headerSize = prefix.readUInt32LE(4);
    const jsonLength = prefix.readUInt32LE(12);
    const json = Buffer.alloc(jsonLength);
    readSync(fd, json, 0, jsonLength, 16);
    const files: AsarFile[] = [];
    const walk = (node: AsarNode, prefixPath: string): void => {
      for (const [name, child] of Object.entries(node.files ?? {})) {
        const path = prefixPath ? `${prefixPath}/${name}` : name;
        if (child.files) walk(child, path);
        else if (child.link === undefined) files.push({ path, size: child.size ?? 0, unpacked: child.unpacked === true, offset: child.unpacked ? null : Number(child.offset ?? 0) });
      }
    };
    walk(JSON.parse(json.toString('utf8')) as AsarNode, '');
    return { files, contentStart: 8 + headerSize };
  } finally {
    closeSync(fd);
  }
}

/** The content of a packed (not unpacked) file of the archive. */
export function readAsarFile(archive: string, file: AsarFile, contentStart: number): Buffer {
  if (file.offset === null) throw new Error(`${file.path} is unpacked`);
  const fd = openSync(archive, 'r');
  try {
    const content = Buffer.alloc(file.size);
    readSync(fd, content, 0, file.size, contentStart + file.offset);
    return content;
  } finally {
    closeSync(fd);
  }
}
