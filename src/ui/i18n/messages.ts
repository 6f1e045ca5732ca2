/**
 * The type every catalogue has: English's shape (en/ is the source), with each string widened to
 * string. A key missing from another catalogue, an extra one, or a message taking other
 * parameters is a type error there.
 */
import type { en } from './en/index.ts';

export type CatalogueOf<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : T[K] extends (...args: infer A) => string ? (...args: A) => string : CatalogueOf<T[K]>;
};

export type Messages = CatalogueOf<typeof en>;
