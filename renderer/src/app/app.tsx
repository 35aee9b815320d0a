import { useMemo } from 'react';
import { useSelector } from '@xstate/react';
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type { KioskActor } from '../flow/kiosk-machine';
import { createI18n } from '../i18n/i18n';
import { TranslatorProvider } from '../i18n/use-translation';
import { FlowProvider } from '../hooks/flow-context';
import { KioskApiProvider } from '../hooks/kiosk-api-context';
import { PreferencesProvider } from '../hooks/preferences';
import { Shell } from './shell';

const whole = <T,>(snapshot: T): T => snapshot;

function FlowRoot({ actor }: { actor: KioskActor }) {
  const snapshot = useSelector(actor, whole);
  // One `send` per actor, so effects that depend on it run when their own inputs change, not on every snapshot.
  const send = useMemo(() => actor.send.bind(actor), [actor]);
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
 * (the real transport, or a `TestKioskApi`); `actor` is the flow machine,
 * created and started on `api` by the entry point before the first render so
 * the boot calls are on their way while React mounts (see `main.tsx`).
 */
export function App({ api, actor }: { api: KioskApi; actor: KioskActor }) {
  const translator = useMemo(() => createI18n(), []);
  return (
    <TranslatorProvider translator={translator}>
      <KioskApiProvider api={api}>
        <FlowRoot actor={actor} />
      </KioskApiProvider>
    </TranslatorProvider>
  );
}
