import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { useCatalogueTexts } from '../hooks/use-catalogue-texts';
import type { DueProgress } from '../flow/dues';
import { ChineseOnlyNotice } from '../ui/chinese-only-notice';

/**
 * Which item of a life-event bundle a payment or certificate step is about
 * ("城乡居民养老保险费缴纳（第 1 项，共 2 项）"), its name in the person's
 * language (with the Chinese-only notice when it has none; it is the only
 * catalogue text of those screens); nothing on the single-item path.
 */
export function DueItem({ progress, inBundle }: { progress: DueProgress; inBundle: boolean }) {
  const { t } = useTranslation();
  const { snapshot } = useFlow();
  const texts = useCatalogueTexts();
  if (!inBundle || !progress.current) return null;
  const { serviceCode, serviceName } = progress.current;
  const item = snapshot.context.bundle?.items.find((i) => i.code === serviceCode);
  const name = item ? texts.pick(item.name, texts.textOf(item.i18n)?.name) : serviceName;
  return (
    <>
      <ChineseOnlyNotice show={texts.chineseOnly} />
      <p className="lead due-item" data-testid="due-item" data-index={progress.index} data-count={progress.count}>
        {t('common.itemOf', { name, index: progress.index, count: progress.count })}
      </p>
    </>
  );
}
