/**
 * Public intake: what residents send without an account (citizen voices now; proposals, public
 * comments, survey answers, Open311 requests and applications later). One call,
 * {@link jp.machi.core.intake.PublicIntake#accept}, gives a module's public submission endpoint a
 * receipt number per municipality, series and fiscal year ({@code V-R8-000123}), the
 * {@code Idempotency-Key} header, a per-client rate limit (429 with {@code Retry-After}) and a
 * honeypot field that files bot submissions as spam. The limits are the municipality's
 * {@link jp.machi.core.intake.domain.IntakeSettings}. See docs/adr/0014-public-intake.md.
 */
package jp.machi.core.intake;
