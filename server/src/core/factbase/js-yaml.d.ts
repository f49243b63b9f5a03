/**
 * The part of js-yaml's API the fast fact-file parse uses (the package ships no types,
 * and @types/js-yaml is not installed).
 */
declare module 'js-yaml' {
  /** Options of a scalar type. */
  interface TypeOptions {
    kind: 'scalar';
    resolve?: (data: string) => boolean;
    construct?: (data: string) => unknown;
  }
  /** A YAML type (a tag with how to recognise and build its values). */
  export class Type {
    constructor(tag: string, options: TypeOptions);
  }
  /** A set of types. */
  export class Schema {
    extend(types: { implicit?: Type[]; explicit?: Type[] }): Schema;
  }
  /** Strings, lists and mappings only. */
  export const FAILSAFE_SCHEMA: Schema;
  /** Options of load. */
  interface LoadOptions {
    filename?: string;
    schema?: Schema;
    json?: boolean;
  }
  /** Parses one YAML document; throws YAMLException on bad input or duplicate keys. */
  export function load(text: string, options?: LoadOptions): unknown;
}
