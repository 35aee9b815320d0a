import { assign, fromPromise } from 'xstate';
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type { BundleSubmitResult, ServiceDetail } from '../../../common/contract/schemas';
import { bundleRequest, canStartBundle, summaryResult, withChoice, withCombinedForm, withItems } from './bundle';
import { stateConfig } from './flow-config';
import type { FlowContext } from './flow-types';

/** Actors of the bundle sub-flow. */
export const bundleActors = {
  loadBundleItems: fromPromise<ServiceDetail[], { api: KioskApi; codes: string[] }>(({ input }) =>
    Promise.all(input.codes.map((code) => input.api.catalogue.get({ code }))),
  ),
  submitBundle: fromPromise<BundleSubmitResult, { api: KioskApi; context: FlowContext }>(({ input }) =>
    input.api.transactions.submitBundle(bundleRequest(input.context)),
  ),
};

/**
 * A life-event bundle ("一件事一次办"): its items with checkboxes (all that
 * can be applied for now ticked), then the same form → pre-check → confirm
 * steps as a single item (service-flow) with the combined form, and one
 * submission of every chosen item.
 */
export const bundleStates = {
  bundle: stateConfig({
    initial: 'loading',
    on: { BACK: 'home', HOME: 'home' },
    states: {
      loading: {
        entry: 'clearError',
        invoke: {
          src: 'loadBundleItems',
          input: ({ context }) => ({ api: context.api, codes: context.bundle?.itemCodes ?? [] }),
          onDone: {
            target: 'ready',
            actions: assign({ bundle: ({ context, event }) => context.bundle && withItems(context.bundle, event.output, context.connectivity) }),
          },
          onError: { target: 'failed', actions: 'showError' },
        },
      },
      ready: {
        on: {
          BUNDLE_ITEM_TOGGLED: {
            actions: assign({ bundle: ({ context, event }) => context.bundle && withChoice(context.bundle, event.code, event.chosen) }),
          },
          START_APPLICATION: [
            { guard: ({ context }) => context.identity === null, target: '#kiosk.session.identify', actions: assign({ resumeAfterIdentify: 'bundle' }) },
            {
              guard: ({ context }) => canStartBundle(context.bundle, context.connectivity),
              target: '#kiosk.session.form',
              actions: [
                assign({ bundle: ({ context }) => context.bundle && withCombinedForm(context.bundle), form: {}, problems: [] }),
                assign({ materials: ({ context }) => Object.fromEntries((context.bundle?.combined?.materials ?? []).map((m) => [m.id, m.electronic])) }),
              ],
            },
          ],
        },
      },
      failed: { on: { RETRY: 'loading' } },
    },
  }),
  /** Every chosen item of the bundle, written together; then the shared result → payment → printing → rating → thanks steps. */
  submittingBundle: stateConfig({
    entry: 'clearError',
    invoke: {
      src: 'submitBundle',
      input: ({ context }) => ({ api: context.api, context }),
      onDone: {
        target: 'result',
        actions: assign({
          bundle: ({ context, event }) => (context.bundle ? { ...context.bundle, result: event.output } : null),
          result: ({ event }) => summaryResult(event.output),
        }),
      },
      onError: { target: 'confirm', actions: 'showError' },
    },
  }),
};
