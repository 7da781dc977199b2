/**
 * 権限の確認: enforcing every endpoint's {@link jp.machi.core.identity.Access} rule on the JAX-RS
 * request: 403 without a rule, 401 without a caller, 403 below the minimum role.
 */
package jp.machi.core.identity.access;
