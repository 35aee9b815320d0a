import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { loadFaceEngine } from '../media/face/face-engine';
import { startFaceGuidance } from '../media/face/face-guidance-loop';
import { openFaceCamera } from '../media/face/open-face-camera';
import type { FaceProblem } from '../media/face/face-quality';
import { Screen } from '../ui/screen';

/** What the screen shows: starting, the first problem of the last frame, or ready. */
type Guidance = { kind: 'starting' } | { kind: 'problem'; problem: FaceProblem } | { kind: 'ready' };

/**
 * Live preview with the framing oval and one plain instruction at a time,
 * from the engine's verdict on each frame (`face.problems.*`). The camera is
 * opened when the screen appears and released when it goes, whatever the
 * reason (the flow moved on, cancel, idle wipe). A camera that will not open
 * or an engine that will not start hands over to the alternatives.
 */
export function FaceCaptureScreen() {
  const { t } = useTranslation();
  const { send } = useFlow();
  const video = useRef<HTMLVideoElement>(null);
  const [guidance, setGuidance] = useState<Guidance>({ kind: 'starting' });

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let cancelled = false;
    let release: (() => void) | null = null;
    let stopLoop: (() => void) | null = null;
    const giveWay = (notice: 'cameraFailed' | 'engineFailed') => {
      if (!cancelled) send({ type: 'FACE_ALTERNATIVE', notice });
    };
    void (async () => {
      try {
        release = await openFaceCamera(element);
      } catch {
        giveWay('cameraFailed');
        return;
      }
      if (cancelled) return release();
      try {
        const engine = await loadFaceEngine();
        if (cancelled) return;
        stopLoop = startFaceGuidance(
          element,
          engine,
          ({ quality }) => setGuidance(quality.problems[0] ? { kind: 'problem', problem: quality.problems[0] } : { kind: 'ready' }),
          () => giveWay('engineFailed'),
        );
      } catch {
        giveWay('engineFailed');
      }
    })();
    return () => {
      cancelled = true;
      stopLoop?.();
      release?.();
    };
  }, [send]);

  const message = guidance.kind === 'starting' ? t('face.starting') : guidance.kind === 'ready' ? t('face.ready') : t(`face.problems.${guidance.problem}`);
  return (
    <Screen name="faceCapture" title={t('face.captureTitle')}>
      <div className="face-preview">
        <video ref={video} muted playsInline data-testid="face-video" />
        <div className={`face-oval face-oval-${guidance.kind}`} aria-hidden="true" />
      </div>
      <p className="lead face-guidance" role="status" aria-live="polite" data-testid="face-guidance" data-kind={guidance.kind} data-problem={guidance.kind === 'problem' ? guidance.problem : ''}>
        {message}
      </p>
      <button type="button" className="btn btn-secondary btn-huge" data-testid="face-use-another-way" onClick={() => send({ type: 'FACE_ALTERNATIVE' })}>
        {t('face.useAnotherWay')}
      </button>
    </Screen>
  );
}
