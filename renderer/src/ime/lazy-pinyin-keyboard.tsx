import { lazy, Suspense, type ComponentProps } from 'react';
import type { PinyinKeyboard } from './pinyin-keyboard';

const load = () => import('./pinyin-keyboard');
const Keyboard = lazy(load);

/** Starts loading the pinyin keyboard's chunk (screens with free-text fields call it when they mount). */
export function prefetchPinyinKeyboard(): void {
  void load().catch(() => undefined);
}

/** The pinyin keyboard from its own chunk (nothing of it is in the start chunk or in the screens' chunks). */
export function LazyPinyinKeyboard(props: ComponentProps<typeof PinyinKeyboard>) {
  return (
    <Suspense fallback={null}>
      <Keyboard {...props} />
    </Suspense>
  );
}
