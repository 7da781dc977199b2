package jp.machi.core.audit.domain;

import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;

/**
 * Who made a change, as the audit trail records it: the caller of the work on this thread, or
 * {@link #ANONYMOUS} when nobody signed in (public endpoints; every request before authentication
 * existed).
 *
 * @param method how the actor signed in: a {@link Caller.Method} name, or {@code ANONYMOUS}
 */
public record Actor(String id, String name, String method) {

    public static final Actor ANONYMOUS = new Actor("anonymous", "anonymous", "ANONYMOUS");

    public static Actor of(Caller caller) {
        String name = caller.name() == null || caller.name().isBlank() ? caller.id() : caller.name();
        return new Actor(caller.id(), name, caller.method() == null ? "UNKNOWN" : caller.method().name());
    }

    /** The caller of the work running on this thread. */
    public static Actor current() {
        return CallerContext.current().map(Actor::of).orElse(ANONYMOUS);
    }
}
