import { useTranslation } from 'react-i18next';
import { useFlow } from '../app/flow-context';
import { fenToYuan } from '../ui/format';
import { Screen } from '../ui/screen';

/**
 * The payment slot (统一公共支付). The payment API is not in the contract
 * yet: this states the fee and lets the person submit now and pay later.
 * A later issue puts the platform's payment QR, status polling, time-out and
 * cancel here (the flow's `payment` state).
 */
export function PaymentScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const fee = snapshot.context.service?.feeFen ?? 0;
  return (
    <Screen name="payment" title={t('payment.title')}>
      <dl className="facts">
        <div>
          <dt>{t('payment.fee')}</dt>
          <dd className="amount" data-testid="payment-fee" data-fen={fee}>
            {t('common.yuan', { amount: fenToYuan(fee) })}
          </dd>
        </div>
      </dl>
      <p className="note">{t('payment.notYet')}</p>
      <div className="actions">
        <button type="button" className="btn btn-primary btn-huge" data-testid="payment-continue" onClick={() => send({ type: 'PAY_LATER' })}>
          {t('payment.continue')}
        </button>
        <button type="button" className="btn btn-secondary btn-large" data-testid="back-button" onClick={() => send({ type: 'BACK' })}>
          {t('common.back')}
        </button>
      </div>
    </Screen>
  );
}
