import type { CliCommand } from '../cli-types';
import { configCommand } from './config';
import { devicesCommand } from './devices';
import { serveCommand } from './serve';
import { printJobsCommand } from './print-jobs';
import { auditCommand } from './audit';
import { logsCommand } from './logs';
import { queueCommand } from './queue';
import { syncCommand } from './sync';
import { txCommand } from './tx';
import { idcardCommand } from './idcard';
import { sscardCommand } from './sscard';
import { scannerCommand } from './scanner';
import { printerCommand } from './printer';
import { printPdfCommand } from './print-pdf';
import { enrolCommand } from './enrol';
import { catalogueCommand } from './catalogue';
import { statusCommand } from './status';

/**
 * Every kioskctl command, in the order `--help` lists them. Add one line per
 * new command module.
 */
export const commands: CliCommand[] = [
  configCommand,
  devicesCommand,
  serveCommand,
  idcardCommand,
  sscardCommand,
  scannerCommand,
  printerCommand,
  printJobsCommand,
  printPdfCommand,
  txCommand,
  catalogueCommand,
  queueCommand,
  syncCommand,
  auditCommand,
  logsCommand,
  enrolCommand,
  statusCommand,
];
