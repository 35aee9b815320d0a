/**
 * How many cases the simulated platform handled per item over the last 12
 * months in its region (办件量, the catalogue's `casesLastYear`), modelled
 * from the catalogue's own structure rather than per item:
 *
 * - the hand-written well-known items are what people ask for most;
 * - a department's subject line lists its actions and its scopes most
 *   asked first (出生户口 登记 before 补录, 驾驶证 小型汽车 before
 *   摩托车), so demand falls with the rank of each;
 * - actions that end or undo something (注销, 退出, 停发, 解挂...) are asked
 *   less than the ones that start or renew it;
 * - items an organisation applies for (单位, 企业, 公司, 机构...) are asked
 *   less than a resident's own: a region has far fewer organisations than
 *   people.
 *
 * Deterministic: no random draw, so the generated catalogue stays
 * byte-identical for a seed.
 */

/** Cases per year of a well-known item. */
const WELL_KNOWN_CASES = 20_000;
/** Cases per year of the first action and first scope of a generated subject line. */
const GENERATED_CASES = 5_000;
/** Demand of an action that ends or undoes something, relative to others of its rank. */
const ENDING_FACTOR = 0.5;
const ENDING_ACTIONS = /注销|退出|停发|暂停|取消|解挂|解约|终止|封存|缴销|歇业/;
/** Demand of an organisation's item, relative to a resident's. */
const ORGANISATION_FACTOR = 0.25;
// 单位职工 is a person (an employee), not the organisation.
const ORGANISATION_ITEMS = /单位(?!职工)|企业|公司|机构|法人|社会团体|合作社|纳税人/;

/** The factor of what an item's name says about who asks for it and what it does. */
function kindFactor(name: string): number {
  return (ENDING_ACTIONS.test(name) ? ENDING_FACTOR : 1) * (ORGANISATION_ITEMS.test(name) ? ORGANISATION_FACTOR : 1);
}

/** `casesLastYear` of a well-known item, by its name. */
export function wellKnownCases(name: string): number {
  return Math.round(WELL_KNOWN_CASES * kindFactor(name));
}

/**
 * `casesLastYear` of a generated item.
 *
 * @param name the item's name (subject, action and scope).
 * @param actionRank 0-based position of the action in its subject line.
 * @param scopeRank 0-based position of the scope (0 when the line has none).
 */
export function generatedCases(name: string, actionRank: number, scopeRank: number): number {
  return Math.round((GENERATED_CASES * kindFactor(name)) / ((1 + actionRank) * (1 + scopeRank)));
}
