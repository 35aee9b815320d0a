import { migration001Outbox } from './001-outbox';
import { migration002Catalogue } from './002-catalogue';
import { migration003Config } from './003-config';
import { migration004PrintJobs } from './004-print-jobs';
import { migration005AuditLog } from './005-audit-log';
import { migration006SetAside } from './006-set-aside';
import type { Migration } from './migration';

/** Every migration, in order. Append only; never edit a released one. */
export const migrations: readonly Migration[] = [
  migration001Outbox,
  migration002Catalogue,
  migration003Config,
  migration004PrintJobs,
  migration005AuditLog,
  migration006SetAside,
];
