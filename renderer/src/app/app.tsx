import { useMemo } from 'react';
import { useMachine } from '@xstate/react';
import { I18nextProvider } from 'react-i18next';
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type { FlowTiming } from '../flow/flow-types';
import { kioskMachine } from '../flow/kiosk-machine';
import { createI18n } from '../i18n/i18n';
import { FlowProvider } from './flow-context';
import { KioskApiProvider } from './kiosk-api-context';
import { PreferencesProvider } from './preferences';
import { Shell } from './shell';

function FlowRoot({ api, timing }: { api: KioskApi; timing?: Partial<FlowTiming> }) {
  const [snapshot, send] = useMachine(kioskMachine, { input: { api, timing } });
  const flow = useMemo(() => ({ snapshot, send }), [snapshot, send]);
  const defaultLocale = snapshot.context.system?.defaultLocale ?? 'zh-CN';
  return (
    <FlowProvider value={flow}>
      <PreferencesProvider defaultLocale={defaultLocale}>
        <Shell />
      </PreferencesProvider>
    </FlowProvider>
  );
}

/**
 * The citizen kiosk. Everything outside the renderer is reached through `api`
 * (the real transport, or a `TestKioskApi`); `timing` shortens the automatic
 * steps in tests.
 */
export function App({ api, timing }: { api: KioskApi; timing?: Partial<FlowTiming> }) {
  const i18n = useMemo(() => createI18n(), []);
  return (
    <I18nextProvider i18n={i18n}>
      <KioskApiProvider api={api}>
        <FlowRoot api={api} timing={timing} />
      </KioskApiProvider>
    </I18nextProvider>
  );
}
