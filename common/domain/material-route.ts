/** The facts of a material that decide how it reaches an application at this terminal. */
export interface RoutedMaterial {
  required: boolean;
  electronic: boolean;
  capture?: 'photo' | 'scan' | null;
}

/**
 * How a material reaches the application here: `electronic` (the platform
 * holds it), `window` (the platform takes it captured, this terminal cannot
 * capture it, so it is handed in at the window: never a tick box) or
 * `checklist` (the person ticks that they brought it).
 */
export type MaterialRoute = 'electronic' | 'window' | 'checklist';

/**
 * Whether this terminal captures materials itself. False: it has no capture
 * flow (the camera issue adds document capture and portrait photos; then this
 * becomes "a camera is online"). One constant so the pre-check, the screens
 * and the receipt agree.
 */
export const TERMINAL_CAPTURES_MATERIALS = false;

/** The route of one material; `canCapture` defaults to {@link TERMINAL_CAPTURES_MATERIALS}. */
export function materialRoute(material: RoutedMaterial, canCapture = TERMINAL_CAPTURES_MATERIALS): MaterialRoute {
  if (material.electronic) return 'electronic';
  if (material.capture && !canCapture) return 'window';
  return 'checklist';
}

/** The materials of a service handed in at the window here, in catalogue order. */
export function windowMaterials<M extends RoutedMaterial>(materials: readonly M[], canCapture = TERMINAL_CAPTURES_MATERIALS): M[] {
  return materials.filter((m) => materialRoute(m, canCapture) === 'window');
}
