/**
 * The language of messages, and the one parser of locale tags: the CLI's --locale and
 * configuration, the editor's display language (sent by the client at initialize) and the
 * client's own status bar all read a tag with parseLocale, so they agree on what zh-TW or
 * en-GB means. Pure; imports nothing of the server.
 */

/** The languages messages are written in: simplified Chinese or English. */
export type Locale = 'zh' | 'en';

/**
 * The language a locale tag asks for: zh, zh-CN, zh-Hans, zh_TW… → zh; en, en-US… → en
 * (case ignored); undefined for any other tag. The editor shows English then; the CLI
 * rejects it.
 */
export function parseLocale(tag: string | undefined | null): Locale | undefined {
  const m = /^(zh|en)(?:[-_]|$)/i.exec(tag?.trim() ?? '');
  return m ? (m[1].toLowerCase() as Locale) : undefined;
}
