import { useState } from 'react';
import { useKioskApi } from '../../hooks/kiosk-api-context';
import { useTranslation } from '../../i18n/use-translation';
import { Bdi } from '../../ui/bdi';
import { useTechnicianCall } from './use-technician-call';

type EnrolAnswer = Awaited<ReturnType<ReturnType<typeof useKioskApi>['technician']['enrol']>>;

/** 终端开通: the one-time enrolment code from the platform; the new enrolment applies when the terminal restarts. */
export function TechnicianEnrol() {
  const { t } = useTranslation();
  const api = useKioskApi();
  const [code, setCode] = useState('');
  const [answer, enrol] = useTechnicianCall<EnrolAnswer>();
  const valid = /^[A-Za-z0-9-]{4,64}$/.test(code.trim());
  return (
    <form
      data-testid="technician-section-enrol"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) enrol(() => api.technician.enrol({ code: code.trim() }));
      }}
    >
      <div className="fields">
        <div className="field">
          <label htmlFor="technician-enrol-code">{t('technician.enrol.code')}</label>
          <input id="technician-enrol-code" data-testid="technician-enrol-code" autoComplete="off" spellCheck={false} maxLength={64} value={code} onChange={(e) => setCode(e.target.value)} />
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary btn-large" data-testid="technician-enrol" disabled={!valid || answer.kind === 'busy'}>
          {t('technician.enrol.submit')}
        </button>
      </div>
      <div role="status">
        {answer.kind === 'done' ? (
          <p data-testid="technician-enrol-result" data-outcome={answer.value.ok ? 'ok' : 'failed'}>
            {answer.value.ok ? (
              <>
                {t('technician.enrol.done')} <Bdi>{`${answer.value.deviceId} / ${answer.value.siteId}`}</Bdi>
              </>
            ) : (
              <>
                {t('technician.enrol.refused')} <Bdi>{answer.value.reason}</Bdi>
              </>
            )}
          </p>
        ) : null}
        {answer.kind === 'error' ? <p data-outcome="failed">{t('technician.actionFailed')}</p> : null}
      </div>
    </form>
  );
}
