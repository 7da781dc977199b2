package jp.machi.core.observe;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The application registry of MicroProfile Metrics. Not a CDI bean and named by no other class:
 * {@link Observations} loads it by name only where the API is on the server's class path.
 */
final class MicroProfileMetricSink implements MetricSink {

    private final MetricRegistry registry;
    private final Set<String> gauges = ConcurrentHashMap.newKeySet();

    /** {@code registry}: the default (application scope's) {@link MetricRegistry}, found by {@link Observations}. */
    MicroProfileMetricSink(Object registry) {
        this.registry = (MetricRegistry) registry;
    }

    @Override
    public void count(String name, String description, String... tags) {
        registry.counter(Metadata.builder().withName(name).withDescription(description).build(), tags(tags)).inc();
    }

    @Override
    public void time(String name, String description, long nanos, String... tags) {
        registry.timer(Metadata.builder().withName(name).withDescription(description).withUnit(MetricUnits.NANOSECONDS)
                .build(), tags(tags)).update(Duration.ofNanos(nanos));
    }

    @Override
    public void gauge(String name, String description, DoubleSupplier value, String... tags) {
        if (gauges.add(name + '\u0000' + String.join("\u0000", tags))) {
            registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value,
                    DoubleSupplier::getAsDouble, tags(tags));
        }
    }

    private static Tag[] tags(String... pairs) {
        Tag[] out = new Tag[pairs.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Tag(pairs[2 * i], pairs[2 * i + 1]);
        }
        return out;
    }
}
