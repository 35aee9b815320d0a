import type { ScreenName } from '../flow/screen-of';
import type { FlowContext } from '../flow/flow-types';

/** Every voice prompt; each is `prompts.<id>` in the locale files and `voice/<locale>/<id>.wav` once rendered (scripts/render-voice.mjs). */
export const PROMPT_IDS = [
  'attract',
  'attract-take-card',
  'attract-touch-to-start',
  'identify',
  'face-consent',
  'face-capture',
  'face-alternative',
  'welcome',
  'home',
  'bundle',
  'guide',
  'form',
  'precheck',
  'confirm',
  'payment',
  'payment-paid',
  'payment-problem',
  'submitting',
  'result-delivered',
  'result-queued',
  'printing',
  'printing-failed',
  'certificate',
  'certificate-failed',
  'query',
  'rating',
  'thanks',
] as const;

/** One voice prompt id. */
export type PromptId = (typeof PROMPT_IDS)[number];

/**
 * The prompt a screen plays when it appears (null: none, e.g. while booting).
 * `step` is the screen's sub-state (see `stepOf`), which picks the payment and
 * certificate variants.
 */
export function promptFor(
  screen: ScreenName,
  context: Pick<FlowContext, 'result' | 'printJob'> & Partial<Pick<FlowContext, 'leftCard'>>,
  step: string | null = null,
): PromptId | null {
  switch (screen) {
    case 'attract':
      if (context.leftCard === 'after-session') return 'attract-take-card';
      return context.leftCard === 'at-start' ? 'attract-touch-to-start' : 'attract';
    case 'payment':
      if (step === 'paid') return 'payment-paid';
      return step === 'expired' || step === 'cancelled' || step === 'unavailable' ? 'payment-problem' : 'payment';
    case 'certificate':
      return step === 'failed' ? 'certificate-failed' : 'certificate';
    case 'faceConsent':
      return 'face-consent';
    case 'faceCapture':
      return 'face-capture';
    case 'faceAlternative':
      return 'face-alternative';
    // 代办's steps have no recorded prompt yet (voice/<locale>/*.wav are rendered per prompt id).
    case 'boot':
    case 'delegation':
    case 'delegationRefused':
    case 'technicianUnlock':
    case 'technician':
      return null;
    case 'result':
      return context.result?.status === 'queued' ? 'result-queued' : 'result-delivered';
    case 'printing':
      return context.printJob?.state === 'failed' ? 'printing-failed' : 'printing';
    default:
      return screen;
  }
}
