import { z } from 'zod';
import { ServiceDetailSchema } from '../../common/contract/schemas';
import { NameI18nSchema } from '../../common/contract/catalogue-text';

/** A cached life-event bundle ("一件事"): the codes of the items applied for together. */
export const LifeEventSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(200),
  /** The bundle's name in the other kiosk languages, where the platform has it. */
  i18n: NameI18nSchema.optional(),
  itemCodes: z.array(z.string().max(64)),
});
export type LifeEvent = z.infer<typeof LifeEventSchema>;

/**
 * A catalogue change as the store applies it, whatever brought it (uplink/
 * turns the platform's answer into one). `full` replaces everything; a delta
 * upserts `items`, deletes the codes in `removed` and replaces the life events.
 */
export const CatalogueUpdateSchema = z.object({
  version: z.number().int().nonnegative(),
  full: z.boolean(),
  items: z.array(ServiceDetailSchema),
  removed: z.array(z.string().max(64)),
  lifeEvents: z.array(LifeEventSchema),
});
export type CatalogueUpdate = z.infer<typeof CatalogueUpdateSchema>;
