import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useFlow } from '../hooks/flow-context';
import { usePreferences } from '../hooks/preferences';
import { useCatalogueSearch, type CatalogueQuery } from '../hooks/use-catalogue-search';
import { useCatalogueTexts } from '../hooks/use-catalogue-texts';
import { ChineseOnlyNotice } from '../ui/chinese-only-notice';
import { ErrorNote } from '../ui/error-note';
import { Screen } from '../ui/screen';
import { ServiceList } from '../ui/service-list';
import { LazyPinyinKeyboard, prefetchPinyinKeyboard } from '../ime/lazy-pinyin-keyboard';
import type { ImeMode } from '../ime/ime-state';

/** Search opens on Latin letters (pinyin initials such as sbcx find items at once; 中 types 汉字), Uyghur letters in Uyghur. */
const searchImeMode = (locale: string): ImeMode => (locale === 'ug' ? 'uyghur' : 'latin');

/** Items per list: care mode shows fewer, larger items. */
const LIMITS = { normal: { popular: 8, chips: 12, results: 12 }, care: { popular: 4, chips: 6, results: 6 } };

/** Life-event bundles, departments, most used here, and search over the whole catalogue. */
export function HomeScreen() {
  const { t } = useTranslation();
  const { snapshot, send } = useFlow();
  const { care } = usePreferences();
  const limits = care ? LIMITS.care : LIMITS.normal;
  const { overview, connectivity, error, browseQuery } = snapshot.context;
  // An attract tile opens the home screen on its category.
  const [text, setText] = useState(browseQuery ?? '');
  // What the search follows: the text, or the text with the pinyin being composed at the caret.
  const [preview, setPreview] = useState(text);
  const [typing, setTyping] = useState(false);
  // `department` is the Chinese name (the search filter); `label` what the chip shows.
  const [chip, setChip] = useState<{ department: string; label: string } | null>(null);
  useEffect(() => prefetchPinyinKeyboard(), []);
  const keyboardOpen = typing || text !== '';
  // The open keyboard reports every change of the text (and of the composition) through onPreview.
  const searchText = keyboardOpen ? preview : text;
  const query: CatalogueQuery | null = searchText.trim() !== '' || chip ? { text: searchText, department: chip?.department } : null;
  const search = useCatalogueSearch(query, limits.results);
  const select = (code: string) => send({ type: 'SELECT_SERVICE', code });
  // Only what this screen shows is localised, so the notice speaks of it alone.
  const texts = useCatalogueTexts();
  const results = query ? search.items.map((s) => texts.summary(s)) : [];
  const lifeEvents = query ? [] : (overview?.lifeEvents ?? []).slice(0, limits.chips).map((e) => texts.named(e));
  const popular = query ? [] : (overview?.popular ?? []).slice(0, limits.popular).map((s) => texts.summary(s));
  const departments = query ? [] : (overview?.departments ?? []).slice(0, limits.chips).map((d) => ({ ...d, label: texts.named(d).name }));

  return (
    <Screen name="home" title={t('home.title')}>
      <div className="search" role="search">
        <label htmlFor="home-search" className="visually-hidden">
          {t('home.searchLabel')}
        </label>
        <input
          id="home-search"
          data-testid="search-input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          placeholder={t('home.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onFocus={() => setTyping(true)}
        />
      </div>
      {keyboardOpen ? (
        <LazyPinyinKeyboard value={text} maxLength={100} onChange={setText} onPreview={setPreview} openMode={searchImeMode} targetId="home-search" testId="search-keyboard" />
      ) : null}
      <ErrorNote code={error} />
      <ChineseOnlyNotice show={texts.chineseOnly} />
      {query ? (
        <div className="results">
          <div className="results-head">
            {chip ? <span className="chip chip-active">{chip.label}</span> : null}
            <p role="status" data-testid="search-status">
              {search.searching ? t('home.searching') : t('home.results', { count: search.total })}
            </p>
            <button
              type="button"
              className="btn btn-secondary"
              data-testid="search-clear"
              onClick={() => {
                setText('');
                setChip(null);
              }}
            >
              {t('home.back')}
            </button>
          </div>
          {!search.searching && search.items.length === 0 ? <p className="note">{t('home.noResults')}</p> : null}
          <ServiceList items={results} connectivity={connectivity} onSelect={select} />
        </div>
      ) : (
        <div className="sections">
          <section aria-labelledby="home-life">
            <h2 id="home-life">{t('home.lifeEvents')}</h2>
            <ul className="chips" role="list">
              {lifeEvents.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    className="chip chip-life"
                    data-testid="life-event"
                    data-id={e.id}
                    onClick={() => send({ type: 'SELECT_BUNDLE', id: e.id })}
                  >
                    <span>{e.name}</span>
                    <span className="chip-count">{t('home.itemsCount', { count: e.itemCodes.length })}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="home-popular">
            <h2 id="home-popular">{t('home.popular')}</h2>
            <ServiceList items={popular} connectivity={connectivity} onSelect={select} />
          </section>
          <section aria-labelledby="home-departments">
            <h2 id="home-departments">{t('home.departments')}</h2>
            <ul className="chips" role="list">
              {departments.map((d) => (
                <li key={d.name}>
                  <button
                    type="button"
                    className="chip"
                    data-testid="department"
                    data-name={d.name}
                    onClick={() => setChip({ department: d.name, label: d.label })}
                  >
                    <span>{d.label}</span>
                    <span className="chip-count">{t('home.itemsCount', { count: d.count })}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </Screen>
  );
}
