package jp.machi.core.module;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.machi.core.audit.domain.EntityTypeNames;

/**
 * What this deployment has: every discovered module with its status, and which module owns which
 * resource class. Filled once at start-up by {@link ModuleStartup}; read by request filters, the
 * modules API, metrics and the UI.
 */
@ApplicationScoped
public class ModuleRegistry {

    public enum Status {
        /** Migrated and serving. */
        STARTED,
        /** Not started; {@link ModuleState#reason()} says why. */
        NOT_STARTED
    }

    /** One module and how it fares in this deployment. */
    public record ModuleState(ModuleDescriptor descriptor, Status status, ModuleResolver.Reason reason) {
        public String id() {
            return descriptor.id();
        }

        public boolean started() {
            return status == Status.STARTED;
        }
    }

    private volatile List<ModuleState> modules = List.of();
    private volatile Map<Class<?>, String> owners = Map.of();
    private volatile boolean ready;
    private volatile String failure;

    void publish(List<ModuleState> states) {
        Map<Class<?>, String> byClass = new HashMap<>();
        for (ModuleState s : states) {
            for (Class<?> c : s.descriptor().resources()) {
                byClass.put(c, s.id());
            }
            // The audit trail names a module's entities after the module (planning.AdministrativeProgram).
            EntityTypeNames.registerModule(s.id(), s.descriptor().getClass().getPackageName());
        }
        this.owners = Collections.unmodifiableMap(byClass);
        this.modules = Collections.unmodifiableList(new ArrayList<>(states));
    }

    void markReady() {
        this.ready = true;
    }

    void markFailed(String why) {
        this.failure = why;
    }

    public boolean isReady() {
        return ready;
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** All modules, started ones in start order first. */
    public List<ModuleState> modules() {
        return modules;
    }

    public Optional<ModuleState> find(String id) {
        return modules.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public boolean isStarted(String id) {
        return find(id).map(ModuleState::started).orElse(false);
    }

    public List<ModuleState> started() {
        return modules.stream().filter(ModuleState::started).toList();
    }

    /** The module whose descriptor lists {@code resourceClass}, if any (core's own resources have none). */
    public Optional<String> ownerOf(Class<?> resourceClass) {
        Class<?> c = resourceClass;
        while (c != null && c != Object.class) {
            String owner = owners.get(c);
            if (owner != null) {
                return Optional.of(owner);
            }
            c = c.getSuperclass();
        }
        return Optional.empty();
    }
}
