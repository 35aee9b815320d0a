import { useTranslation } from '../i18n/use-translation';
import type { DueProgress } from '../flow/dues';

/**
 * Which item of a life-event bundle a payment or certificate step is about
 * ("城乡居民养老保险费缴纳（第 1 项，共 2 项）"); nothing on the single-item path.
 */
export function DueItem({ progress, inBundle }: { progress: DueProgress; inBundle: boolean }) {
  const { t } = useTranslation();
  if (!inBundle || !progress.current) return null;
  return (
    <p className="lead due-item" data-testid="due-item" data-index={progress.index} data-count={progress.count}>
      {t('common.itemOf', { name: progress.current.serviceName, index: progress.index, count: progress.count })}
    </p>
  );
}
