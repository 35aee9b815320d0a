import type { KioskStore } from '../../offline-cache/index';

/** Something that announces delivered outbox ids and can be asked to send now. */
export interface DeliverySource {
  on(event: 'delivered', listener: (ids: string[]) => void): () => void;
  nudge(): void;
}

/**
 * Waits for the platform's acknowledgement of one outbox item, used by submit
 * to say "submitted" instead of "saved, will be sent" when the platform is up.
 */
export class DeliveryWatcher {
  constructor(
    private readonly store: KioskStore,
    private readonly source: DeliverySource,
  ) {}

  /**
   * Nudges the sync engine and resolves true once `id` is accepted, or false
   * after `timeoutMs` (0 = do not wait). Never rejects.
   */
  waitFor(id: string, timeoutMs: number): Promise<boolean> {
    this.source.nudge();
    if (this.store.transactionStatus(id) === 'accepted') return Promise.resolve(true);
    if (timeoutMs <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const off = this.source.on('delivered', () => {
        if (this.store.transactionStatus(id) === 'accepted') finish(true);
      });
      const timer = setTimeout(() => finish(this.store.transactionStatus(id) === 'accepted'), timeoutMs);
      function finish(value: boolean) {
        clearTimeout(timer);
        off();
        resolve(value);
      }
    });
  }
}
