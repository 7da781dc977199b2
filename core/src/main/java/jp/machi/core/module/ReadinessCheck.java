package jp.machi.core.module;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready} is UP only once the database is migrated and the modules are started. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    ModuleRegistry registry;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("machi-modules").status(registry.isReady());
        registry.failure().ifPresent(f -> builder.withData("failure", f));
        builder.withData("started", String.join(",", registry.started().stream().map(ModuleRegistry.ModuleState::id).toList()));
        return builder.build();
    }
}
