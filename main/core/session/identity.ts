import type { CardType, MaskedIdentity } from '../../../common/contract/schemas';
import { maskIdNumber, maskName } from '../../../common/domain/masking';

/**
 * The identified person, held only in main/core memory for the length of one
 * session. Never persisted as is, never logged, never sent to the renderer
 * unmasked except through `session.reveal` on the review step.
 */
export interface Identity {
  method: 'idcard' | 'qr';
  name: string;
  idNumber: string | null;
  address: string | null;
  cardType: CardType | null;
  expired: boolean;
}

/** The masked view the renderer may show. */
export function maskIdentity(identity: Identity): MaskedIdentity {
  return {
    method: identity.method,
    maskedName: maskName(identity.name),
    maskedIdNumber: identity.idNumber === null ? null : maskIdNumber(identity.idNumber),
    cardType: identity.cardType,
    expired: identity.expired,
  };
}

/** Overwrites the identity's strings in place (best effort: JS strings are immutable, so drop references too). */
export function forgetIdentity(identity: Identity): void {
  identity.name = '';
  identity.idNumber = null;
  identity.address = null;
}
