/** Per locale, [written, spoken] pairs: what the voice is given instead of the screen's text. */
export declare const SPOKEN_AS: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>>;
/** `text` as the voice of `locale` should read it (see {@link SPOKEN_AS}). */
export declare function spokenForm(locale: string, text: string): string;
