import { assign } from 'xstate';
import type { FlowSetup } from './flow-setup';

/**
 * A sub-flow's state config, typed against the flow's one setup (context,
 * events, actors, actions, delays): `flowSetup.createStateConfig` by type,
 * an identity at run time. The sub-flow modules use this instead of
 * `flowSetup` itself, which imports their actors (no import cycle).
 */
export const stateConfig: FlowSetup['createStateConfig'] = (config) => config;

/** `assign` typed for the flow's context and events, for actions written outside a state config. */
export const flowAssign: FlowSetup['assign'] = assign;
