/** Japanese-first texts: localized values, the caller's language, message bundles. */
package jp.machi.core.i18n;
