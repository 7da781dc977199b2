/** REST: /municipalities/{lgCode}/api-tokens and /api-tokens. */
package jp.machi.core.identity.token.interfaces.rest;
