import { assign } from 'xstate';
import type { FlowSetup } from './flow-setup';
import type { FlowContext } from './flow-types';

/**
 * A sub-flow's state config, typed against the flow's one setup (context,
 * events, actors, actions, delays): `flowSetup.createStateConfig` by type,
 * an identity at run time. The sub-flow modules use this instead of
 * `flowSetup` itself, which imports their actors (no import cycle).
 */
export const stateConfig: FlowSetup['createStateConfig'] = (config) => config;

/** `assign` typed for the flow's context and events, for actions written outside a state config. */
export const flowAssign: FlowSetup['assign'] = assign;

/** A transition whose guard (if any) is an inline function of the context, as the flow's timed steps are. */
interface TimedTransition {
  guard?: (args: { context: FlowContext }) => boolean;
  target?: string;
}

/**
 * The same transitions for an `after` timer, taken only outside care mode:
 * in care mode no screen that carries information moves on by itself, the
 * person moves on with the screen's 继续 button (the `CONTINUE` event, which
 * keeps the unguarded transitions).
 */
export function unlessCare<T extends TimedTransition>(transitions: readonly T[]): T[] {
  return transitions.map((t) => ({ ...t, guard: (args: { context: FlowContext }) => !args.context.care && (t.guard ? t.guard(args) : true) }));
}
