/** REST: /municipalities/{lgCode}/users and /platform-admins. */
package jp.machi.core.identity.user.interfaces.rest;
