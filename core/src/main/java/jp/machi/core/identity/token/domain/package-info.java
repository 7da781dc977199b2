/** APIトークン: bearer tokens for scripts and integrations, stored only as hashes. */
package jp.machi.core.identity.token.domain;
