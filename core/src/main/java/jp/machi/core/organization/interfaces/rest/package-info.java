/** {@code /api/v1/municipalities/{lgCode}/organization-units}: resource, JSON shapes, request reading. */
package jp.machi.core.organization.interfaces.rest;
