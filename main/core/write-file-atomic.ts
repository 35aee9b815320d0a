// The durable atomic file replace for the host processes: the Electron shell
// may import main/core only, and its update state is written the same way as
// the core's enrolment record.
export { writeFileAtomic } from '../../offline-cache/fs/write-file-atomic';
