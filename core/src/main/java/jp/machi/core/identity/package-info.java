/**
 * 利用者と権限: who is calling (users of Machi's own store, API tokens, an external OpenID Connect
 * provider), what each role may do, and the rule every endpoint declares with {@link
 * jp.machi.core.identity.Access}.
 */
package jp.machi.core.identity;
