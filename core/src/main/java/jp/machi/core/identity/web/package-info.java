/** The servlet side of signing in: who calls each request, the session cookie's settings. */
package jp.machi.core.identity.web;
