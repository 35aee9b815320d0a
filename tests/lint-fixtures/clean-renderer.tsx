import { useState } from 'react';
import type { KioskApi } from '../../common/contract/kiosk-contract';
import { maskName } from '../../common/domain/masking';
import { getKioskApi } from './transport/get-kiosk-api';

export function useKiosk(): [KioskApi, string] {
  const [name] = useState(maskName('张三'));
  return [getKioskApi(), name];
}
