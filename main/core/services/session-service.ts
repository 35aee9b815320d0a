import type { MethodsOf } from '../../../common/contract/define';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import { KioskError } from '../../../common/contract/errors';
import { isValidIdNumber } from '../../../common/domain/id-number';
import type { SessionManager } from '../session/session-manager';
import type { QrIdentityResult } from './qr-identity';

/** Options of {@link sessionMethods}. */
export interface SessionServiceOptions {
  session: SessionManager;
  /** Resolves a QR e-ID payload through the platform. */
  resolveQr: (payload: string) => Promise<QrIdentityResult>;
}

/** The contract methods of the `session` service. */
export function sessionMethods({ session, resolveQr }: SessionServiceOptions): MethodsOf<KioskContract['session']> {
  return {
    current: async () => session.view(),
    begin: async () => session.begin(),
    identifyByQr: async ({ payload }) => {
      if (/[\x00-\x1f\x7f]/.test(payload)) {
        session.identifyFailed({ code: 'qr-rejected', message: 'payload contains control characters' });
        throw new KioskError('invalid-payload', 'QR payload contains control characters');
      }
      const result = await resolveQr(payload);
      if (!result.ok) {
        session.identifyFailed({ code: result.reason, message: result.reason === 'qr-rejected' ? 'the platform rejected the code' : 'the platform is unreachable' });
        throw new KioskError(result.reason === 'qr-rejected' ? 'invalid-payload' : 'platform-unreachable', result.reason);
      }
      session.identified({
        method: 'qr',
        name: result.name,
        idNumber: result.idNumber,
        address: null,
        cardType: result.idNumber && isValidIdNumber(result.idNumber) ? 'resident' : null,
        expired: false,
      });
      return session.view();
    },
    reveal: async () => {
      const identity = session.currentIdentity();
      if (!identity) throw new KioskError('no-session', 'nobody is identified');
      // Only on a step that shows the person their own data, for a short time: not from the home screen, a form or after the submission.
      if (!session.reveal.stepFor(session.currentSessionId())) throw new KioskError('forbidden', 'reveal answers only on the review step and a query result');
      return { name: identity.name, idNumber: identity.idNumber };
    },
    end: async () => session.end(),
  };
}
