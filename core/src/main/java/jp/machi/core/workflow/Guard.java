package jp.machi.core.workflow;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;

/**
 * Who may take an action of a workflow on a record: a core role, a module role, a predicate on the
 * caller and the record, or a combination. Machi itself ({@link Caller.Method#SYSTEM}) may take
 * every action (demo data, migrations); that is decided by {@link Workflow}, not by guards.
 *
 * @param <R> the kind of record
 */
@FunctionalInterface
public interface Guard<R> {

    boolean allows(Caller caller, R record);

    /** Callers whose core role includes {@code minimum}. */
    static <R> Guard<R> role(Role minimum) {
        Objects.requireNonNull(minimum, "minimum");
        return (c, r) -> c.has(minimum);
    }

    /**
     * Staff (or above) holding the module role {@code moduleRole} (e.g. {@code planning.evaluator}):
     * a viewer holding it is still a viewer.
     */
    static <R> Guard<R> moduleRole(String moduleRole) {
        Objects.requireNonNull(moduleRole, "moduleRole");
        return (c, r) -> c.has(Role.STAFF) && c.holds(moduleRole);
    }

    /** Staff of the record's organisational unit (never when the record has none). */
    static <R> Guard<R> staffOfUnit(Function<R, UUID> unitOf) {
        Objects.requireNonNull(unitOf, "unitOf");
        return (c, r) -> {
            UUID unit = unitOf.apply(r);
            return c.has(Role.STAFF) && unit != null && unit.equals(c.unitId());
        };
    }

    default Guard<R> or(Guard<R> other) {
        Objects.requireNonNull(other, "other");
        return (c, r) -> allows(c, r) || other.allows(c, r);
    }

    default Guard<R> and(Guard<R> other) {
        Objects.requireNonNull(other, "other");
        return (c, r) -> allows(c, r) && other.allows(c, r);
    }
}
