/**
 * 地方公共団体: municipalities (the tenants), their local government codes, and which modules
 * each one uses.
 */
package jp.machi.core.municipality;
