/**
 * The site name when the configuration names none: the product's own title,
 * which every kiosk language translates (`app.title`). Zod-free, so the
 * renderer may import it as a value.
 */
export const DEFAULT_SITE_NAME = '政务服务自助终端';
