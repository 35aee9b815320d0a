// The create-once file (atomic temp file + link) for the host processes: the
// Electron shell may import main/core only, and its safeStorage key file is
// written the same way as the plain-Node key file and the device id.
export { readOrCreateFile } from '../../offline-cache/fs/read-or-create-file';
