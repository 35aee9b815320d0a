import type { IdCardData } from '../../../drivers/idcard/index';
import type { Identity } from '../session/identity';

/** Maps a decoded ID card to the session identity (the photo and fingerprint are not kept). */
export function identityFromCard(card: IdCardData): Identity {
  return {
    method: 'idcard',
    name: card.name,
    idNumber: card.idNumber,
    address: card.address,
    cardType: card.cardType,
    expired: card.expired,
  };
}
