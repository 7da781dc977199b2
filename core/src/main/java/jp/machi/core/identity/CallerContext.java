package jp.machi.core.identity;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The caller of the work running on this thread. Set once per request by authentication and
 * cleared after it; read by access checks, the tenant filter and the audit trail (which runs
 * inside the persistence layer, where no CDI request context can be assumed).
 */
public final class CallerContext {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private CallerContext() {
    }

    public static Optional<Caller> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void set(Caller caller) {
        CURRENT.set(caller);
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** Runs {@code work} as {@code caller}, restoring whoever was there before. */
    public static <T> T runAs(Caller caller, Supplier<T> work) {
        Caller before = CURRENT.get();
        CURRENT.set(caller);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }
}
