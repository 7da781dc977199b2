/** 利用者: accounts of Machi's own user store, their password rules and lock-out. */
package jp.machi.core.identity.user.domain;
