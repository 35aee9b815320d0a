import { createContext, useContext, type ReactNode } from 'react';

/** Voice controls for the prompt of the current screen. */
export interface VoiceHandle {
  /** Plays the current prompt again (even right after muting was lifted). */
  replay(): void;
}

// Without a player (tests, a tree without voice) replay does nothing.
const VoiceContext = createContext<VoiceHandle>({ replay: () => undefined });

/** Provides {@link VoiceHandle} to the tree; the voice player (voice/voice-player.tsx) is the one provider. */
export function VoiceProvider({ value, children }: { value: VoiceHandle; children: ReactNode }) {
  return <VoiceContext.Provider value={value}>{children}</VoiceContext.Provider>;
}

/** Voice controls for the current prompt; a no-op replay outside a {@link VoiceProvider}. */
export function useVoice(): VoiceHandle {
  return useContext(VoiceContext);
}
