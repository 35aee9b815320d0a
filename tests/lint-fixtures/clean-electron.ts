import { join } from 'node:path';
import { app } from 'electron';
import { kioskContract } from '../../common/contract/kiosk-contract';
import { loadConfig } from '../core/config';

export const paths = () => [join(app.getAppPath(), 'x'), kioskContract, loadConfig];
