/**
 * The public portal of each municipality ({@code /p/{lgCode}/}): the page shell the servlet in
 * {@code web} serves, and the one public endpoint that tells the shell what the municipality
 * publishes (its name and the portal pages of its enabled modules). Nothing here reads personal
 * data. See docs/adr/0009-public-portal.md.
 */
package jp.machi.core.portal;
