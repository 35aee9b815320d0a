import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { feeProgress } from '../flow/dues';
import { stepOf } from '../flow/screen-of';
import { ErrorNote } from '../ui/error-note';
import { fenToYuan } from '../ui/format';
import { QrCode } from '../ui/qr-code';
import { AutoAdvance } from '../ui/auto-advance';
import { Bdi } from '../ui/bdi';
import { Screen } from '../ui/screen';
import { minutesSeconds, useSecondsUntil } from '../ui/use-countdown';
import { DueItem } from './due-item';

type PaymentStep = 'creating' | 'waiting' | 'cancelling' | 'paid' | 'expired' | 'cancelled' | 'unavailable';
const STEPS: ReadonlySet<string> = new Set(['creating', 'waiting', 'cancelling', 'paid', 'expired', 'cancelled', 'unavailable']);

/**
 * Unified public payment (统一公共支付) after a fee item was submitted: the
 * amount, the platform's payment QR with a countdown to its expiry while the
 * status is polled, then paid / expired / cancelled / unavailable, each with a
 * way on. The receipt number is always shown: the application is already saved.
 * A life-event bundle pays its delivered fee items one after the other, each
 * named with its place ("第 1 项，共 2 项"); leaving one for later goes on to the next.
 */
export function PaymentScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const { payment, result, service, bundle, error } = snapshot.context;
  const progress = feeProgress(snapshot.context);
  const more = progress.remaining > 0;
  const receiptNumber = progress.current?.receiptNumber ?? result?.receiptNumber ?? null;
  const raw = stepOf(snapshot) ?? 'creating';
  const step: PaymentStep = STEPS.has(raw) ? (raw as PaymentStep) : 'creating';
  const seconds = useSecondsUntil(step === 'waiting' || step === 'cancelling' ? (payment?.expiresAt ?? null) : null);
  const fen = payment?.amountFen ?? progress.current?.feeFen ?? service?.feeFen ?? 0;
  const amount = t('common.yuan', { amount: fenToYuan(fen) });
  const showQr = (step === 'waiting' || step === 'cancelling') && payment !== null;
  const problem = step === 'expired' || step === 'cancelled' || step === 'unavailable';
  const body =
    step === 'expired'
      ? t('payment.expiredBody')
      : step === 'cancelled'
        ? t('payment.cancelledBody')
        : step === 'unavailable'
          ? t(error === 'platform-unreachable' ? 'payment.unreachableBody' : 'payment.unavailableBody')
          : null;

  return (
    <Screen name="payment" title={t('payment.title')}>
      <div className={`payment payment-${step}`}>
        <div className="payment-summary">
          <DueItem progress={progress} inBundle={bundle !== null} />
          <dl className="facts">
            <div>
              <dt>{t('payment.fee')}</dt>
              <dd className="amount" data-testid="payment-amount" data-fen={fen}>
                {amount}
              </dd>
            </div>
          </dl>
          {receiptNumber ? (
            <p className="receipt receipt-inline" data-testid="payment-receipt">
              <span>{t('result.receiptNumber')}</span>
              <strong>
                <Bdi>{receiptNumber}</Bdi>
              </strong>
            </p>
          ) : null}
          <p className={`payment-state ${problem ? 'payment-problem' : ''}`} data-testid="payment-state" data-state={step} role="status">
            {t(`payment.state.${step}`)}
          </p>
        </div>
        {showQr ? (
          <div className="payment-qr">
            <QrCode payload={payment.qrPayload} label={t('payment.qrLabel', { amount })} sizePx={360} testId="payment-qr" />
            <p className="lead">{t('payment.scan')}</p>
            <p className="payment-countdown" data-testid="payment-countdown" data-seconds={seconds}>
              {t('payment.countdown', { time: minutesSeconds(seconds) })}
            </p>
            <ErrorNote code={error} />
            <div className="actions">
              <button
                type="button"
                className="btn btn-secondary btn-large"
                data-testid="payment-cancel"
                disabled={step === 'cancelling'}
                onClick={() => send({ type: 'CANCEL_PAYMENT' })}
              >
                {t('payment.cancel')}
              </button>
            </div>
          </div>
        ) : null}
        {step === 'creating' ? (
          <p className="busy" role="status">
            {t('common.loading')}
          </p>
        ) : null}
        {step === 'paid' ? (
          <>
            <p className="lead">{t(more ? 'payment.paidBodyNext' : 'payment.paidBody')}</p>
            <div className="actions">
              <button type="button" className="btn btn-primary btn-huge" data-testid="payment-continue" onClick={() => send({ type: 'CONTINUE' })}>
                {t('payment.continue')}
              </button>
            </div>
            <AutoAdvance ms={snapshot.context.timing.resultMs} care={snapshot.context.care} />
          </>
        ) : null}
        {problem && body ? (
          <>
            <p className={`note ${step === 'unavailable' ? 'note-error' : 'note-warn'}`} data-testid="payment-explain">
              {body}
            </p>
            <div className="actions">
              <button type="button" className="btn btn-primary btn-large" data-testid="payment-retry" onClick={() => send({ type: 'RETRY' })}>
                {step === 'unavailable' ? t('common.retry') : t('payment.retry')}
              </button>
              <button type="button" className="btn btn-secondary btn-large" data-testid="payment-later" onClick={() => send({ type: 'PAY_LATER' })}>
                {t(more ? 'payment.payLaterNext' : 'payment.payLater')}
              </button>
            </div>
          </>
        ) : null}
      </div>
    </Screen>
  );
}
