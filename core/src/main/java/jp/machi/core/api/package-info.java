/**
 * HTTP API conventions every resource follows: problem documents, localized validation errors,
 * paging, conditional updates, CSV export, request limits.
 */
package jp.machi.core.api;
