/** Use cases of API tokens: issue, list, revoke, recognise. */
package jp.machi.core.identity.token.application;
