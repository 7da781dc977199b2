/** Use cases of Machi's own user store: accounts, passwords, signing in, the first accounts. */
package jp.machi.core.identity.user.application;
