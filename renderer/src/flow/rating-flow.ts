import { fromPromise } from 'xstate';
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type { RatingLevel } from '../../../common/contract/schemas';
import { stateConfig } from './flow-config';
import type { FlowContext } from './flow-types';

/** Actors of the rating sub-flow. */
export const ratingActors = {
  /** Records the rating (好差评): once for a single item, once per item of a bundle (the rating is per item). A blank reason is sent as null. */
  rate: fromPromise<{ id: string }, { api: KioskApi; context: FlowContext; level: RatingLevel; reason: string }>(({ input }) => {
    const { api, context, level } = input;
    const reason = input.reason.trim().length > 0 ? input.reason.trim() : null;
    const bundleItems = context.bundle?.result?.items;
    if (bundleItems) {
      return Promise.all(bundleItems.map((i) => api.rating.submit({ transactionId: i.id, serviceCode: i.serviceCode, level, reason }))).then(
        (ids) => ids[0] ?? { id: '' },
      );
    }
    return api.rating.submit({ transactionId: context.result?.id ?? null, serviceCode: context.serviceCode ?? '', level, reason });
  }),
};

/**
 * rating → thanks: the five-level rating (the two lowest need a reason),
 * skippable; then thanks, and the session ends as `done`.
 */
export const ratingStates = {
  rating: stateConfig({
    initial: 'choosing',
    on: { SKIP_RATING: 'thanks' },
    states: {
      choosing: {
        on: {
          SUBMIT_RATING: {
            guard: ({ event }) => !((event.level === 'dissatisfied' || event.level === 'very-dissatisfied') && event.reason.trim().length === 0),
            target: 'sending',
          },
        },
      },
      sending: {
        entry: 'clearError',
        invoke: {
          src: 'rate',
          input: ({ context, event }) => ({
            api: context.api,
            context,
            level: event.type === 'SUBMIT_RATING' ? event.level : 'basic',
            reason: event.type === 'SUBMIT_RATING' ? event.reason : '',
          }),
          onDone: { target: '#kiosk.session.thanks' },
          onError: { target: 'choosing', actions: 'showError' },
        },
      },
    },
  }),
  thanks: stateConfig({
    after: { thanks: { target: '#kiosk.ending', actions: { type: 'endAs', params: { reason: 'done' } } } },
    on: { DONE: { target: '#kiosk.ending', actions: { type: 'endAs', params: { reason: 'done' } } } },
  }),
};
