import type { MethodsOf } from '../../../common/contract/define';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import { PinyinCandidates } from '../input/pinyin-candidates';

/**
 * The `input` service: candidates of the on-screen pinyin input method. The
 * dictionary stays in main (the renderer bundle carries none); its index is
 * built on the first request.
 */
export function inputMethods(engine: PinyinCandidates = new PinyinCandidates()): MethodsOf<KioskContract['input']> {
  return {
    candidates: async ({ pinyin, limit }) => ({ candidates: await engine.candidates(pinyin, limit) }),
  };
}
