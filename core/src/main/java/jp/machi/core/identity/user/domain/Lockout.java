package jp.machi.core.identity.user.domain;

import java.time.Duration;

/**
 * ロックアウト: after {@code attempts} wrong passwords in a row an account refuses every password,
 * the right one included, for {@code duration}. Guessing a password over the network thus takes
 * years instead of hours, while the owner waits a quarter of an hour or asks an administrator.
 */
public record Lockout(int attempts, Duration duration) {

    public static final Lockout DEFAULT = new Lockout(5, Duration.ofMinutes(15));

    public Lockout {
        if (attempts < 1) {
            throw new IllegalArgumentException("Lock-out needs at least one attempt: " + attempts);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("Lock-out needs a positive duration: " + duration);
        }
    }
}
