import { assign, fromPromise } from 'xstate';
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type { PrintJob, QueryResult, ServiceDetail } from '../../../common/contract/schemas';
import { stateConfig } from './flow-config';
import type { FlowContext } from './flow-types';

/** True for a query item (`kind: 'query'`): asked and answered on the spot, never submitted. */
export function isQueryService(service: Pick<ServiceDetail, 'kind'> | null): boolean {
  return service?.kind === 'query';
}

/** True when the query's form has nothing for the person to fill in (every field comes from the identity): the guide asks at once. */
export function asksAtOnce(service: ServiceDetail | null): boolean {
  return service !== null && service.form.every((f) => f.prefill !== null);
}

/** Actors of the query sub-flow. */
export const queryActors = {
  runQuery: fromPromise<QueryResult, { api: KioskApi; serviceCode: string; form: Record<string, string> }>(({ input }) =>
    input.api.queries.run({ serviceCode: input.serviceCode, form: input.form }),
  ),
  revealQuery: fromPromise<QueryResult, { api: KioskApi; id: string }>(({ input }) => input.api.queries.reveal({ id: input.id })),
  printQuery: fromPromise<PrintJob, { api: KioskApi; queryId: string }>(({ input }) => input.api.printer.printQueryResult({ queryId: input.queryId })),
};

/** A failed start of the printout, as a failed job the screen explains (the reason codes of the receipt screen). */
function startFailed(context: FlowContext, error: unknown): PrintJob {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const reason = code === 'paper-out' ? 'paper-out' : code === 'device-offline' ? 'offline' : 'unknown';
  return { jobId: context.printJob?.jobId ?? '', kind: 'receipt', transactionId: null, state: 'failed', reason, progress: 0 };
}

/**
 * querying → queryResult for a query item: the platform is asked (the
 * person waits on a busy screen; a failure stays there with RETRY and a way
 * back), then the answer is shown masked. On the answer: REVEAL_TOGGLE shows
 * it in full (hidden again on CONCEAL, on leaving, or on a second tap),
 * PRINT_QUERY prints it on the receipt printer (REPRINT after a failure),
 * CONTINUE goes on to the rating. Nothing of it is submitted.
 */
export const queryStates = {
  querying: stateConfig({
    initial: 'asking',
    on: { BACK: '#kiosk.session.guide.ready', HOME: '#kiosk.session.home' },
    states: {
      asking: {
        entry: [assign({ query: null, queryRevealed: null, printJob: null }), 'clearError'],
        invoke: {
          src: 'runQuery',
          input: ({ context }) => ({ api: context.api, serviceCode: context.serviceCode ?? '', form: { ...context.form } }),
          onDone: { target: '#kiosk.session.queryResult', actions: assign({ query: ({ event }) => event.output }) },
          onError: { target: 'failed', actions: 'showError' },
        },
      },
      failed: { on: { RETRY: 'asking' } },
    },
  }),
  queryResult: stateConfig({
    initial: 'shown',
    exit: assign({ queryRevealed: null }),
    on: {
      CONCEAL: { actions: assign({ queryRevealed: null }) },
      CONTINUE: '#kiosk.session.rating',
      HOME: '#kiosk.session.home',
      PRINT_JOB_CHANGED: {
        guard: ({ context, event }) => event.job.jobId === context.printJob?.jobId,
        actions: assign({ printJob: ({ event }) => event.job }),
      },
    },
    states: {
      shown: {
        on: {
          REVEAL_TOGGLE: [{ guard: ({ context }) => context.queryRevealed !== null, actions: assign({ queryRevealed: null }) }, { target: 'revealing' }],
          PRINT_QUERY: 'printing',
          REPRINT: 'printing',
        },
      },
      revealing: {
        invoke: {
          src: 'revealQuery',
          input: ({ context }) => ({ api: context.api, id: context.query?.id ?? '' }),
          onDone: { target: 'shown', actions: assign({ queryRevealed: ({ event }) => event.output }) },
          onError: { target: 'shown', actions: 'showError' },
        },
      },
      printing: {
        entry: 'clearError',
        invoke: {
          src: 'printQuery',
          input: ({ context }) => ({ api: context.api, queryId: context.query?.id ?? '' }),
          // An event about the same job may have overtaken the answer: keep the later state.
          onDone: {
            target: 'shown',
            actions: assign({ printJob: ({ context, event }) => (context.printJob?.jobId === event.output.jobId ? context.printJob : event.output) }),
          },
          onError: { target: 'shown', actions: assign({ printJob: ({ context, event }) => startFailed(context, event.error) }) },
        },
        on: { REVEAL_TOGGLE: { actions: assign({ queryRevealed: null }) } },
      },
    },
  }),
};
