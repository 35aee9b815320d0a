import { useTranslation } from '../i18n/use-translation';

/**
 * The one line that says some service text on this screen exists only in
 * Chinese ("部分内容仅有中文", in the person's language), shown once per
 * screen when `show` (see `CatalogueTexts.chineseOnly`), nothing otherwise.
 */
export function ChineseOnlyNotice({ show }: { show: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <p className="note" data-testid="chinese-only-notice">
      {t('catalogue.chineseOnly')}
    </p>
  );
}
