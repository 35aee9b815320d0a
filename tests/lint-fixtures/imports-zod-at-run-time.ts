import { z } from 'zod';
import { kioskContract } from '../../common/contract/kiosk-contract';
import type { KioskContract } from '../../common/contract/kiosk-contract';
import type { ZodType } from 'zod';

export const schema: ZodType = z.string();
export const contract: KioskContract = kioskContract;
