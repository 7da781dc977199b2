/** サインイン: the browser's signed-in session over the API. */
package jp.machi.core.identity.session;
