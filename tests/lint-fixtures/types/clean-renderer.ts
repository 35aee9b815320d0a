// The DOM and common/: type-checks in the renderer.
import { maskName } from '../../../common/domain/masking';

export function showName(name: string): void {
  const el = document.createElement('span');
  el.textContent = maskName(name);
  window.document.body.append(el);
}
