package jp.machi.core.observe;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.persistence.Tenancy;

/**
 * Application metrics (README "Observing Machi"): counters and timers that core and modules record
 * as things happen, and gauges read from the database when {@code /metrics} is asked for. Names are
 * {@code machi_…}; tags never carry personal data (a municipality's code, a job's id, an endpoint's
 * path template, a status). Where the server has no MicroProfile Metrics, every call does nothing.
 */
@ApplicationScoped
public class Observations {

    private static final Logger LOG = Logger.getLogger(Observations.class.getName());

    /** Gauges are read from the database at most this often, however often {@code /metrics} is scraped. */
    static final long GAUGE_INTERVAL_NANOS = 5_000_000_000L;

    @Inject
    @Any
    Instance<GaugeSource> sources;

    @Inject
    Tenancy tenancy;

    @Inject
    Instance<Object> beans;

    private MetricSink sink = MetricSink.NONE;
    private final Map<String, Double> gaugeValues = new ConcurrentHashMap<>();
    private volatile long gaugesReadAt;

    @PostConstruct
    void connect() {
        try {
            Class<?> type = Class.forName("org.eclipse.microprofile.metrics.MetricRegistry", false,
                    Observations.class.getClassLoader());
            // Through an injected Instance, not CDI.current(): Payara's producer reads the injection point's
            // annotations (@RegistryScope), which a programmatic lookup does not have. Default: application.
            Object registry = beans.select(type).get();
            sink = (MetricSink) Class.forName(Observations.class.getPackageName() + ".MicroProfileMetricSink")
                    .getDeclaredConstructor(Object.class).newInstance(registry);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException absent) {
            LOG.log(Level.INFO, "No MicroProfile Metrics on this server: the application metrics are off", absent);
            sink = MetricSink.NONE;
        }
    }

    /** Adds one to a counter. */
    public void count(String name, String description, String... tags) {
        try {
            sink.count(name, description, tags);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "metric " + name + " not counted", e);
        }
    }

    /** Records a duration in a timer. */
    public void time(String name, String description, long nanos, String... tags) {
        try {
            sink.time(name, description, nanos, tags);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "metric " + name + " not timed", e);
        }
    }

    /**
     * Reads every {@link GaugeSource} (at most every five seconds), in one read-only transaction. A
     * gauge whose tags no longer come back (no overdue voices left in a municipality) reads 0.
     */
    @Transactional
    public void readGauges() {
        long now = System.nanoTime();
        if (sink == MetricSink.NONE || (gaugesReadAt != 0 && now - gaugesReadAt < GAUGE_INTERVAL_NANOS)) {
            return;
        }
        gaugesReadAt = now;
        for (GaugeSource source : sources) {
            String owner = source.getClass().getName();
            try {
                Set<String> seen = new HashSet<>();
                for (GaugeSource.Reading r : source.read(tenancy.platform())) {
                    String key = r.name() + '\u0000' + String.join("\u0000", r.tags());
                    seen.add(key);
                    gaugeValues.put(key, r.value());
                    sink.gauge(r.name(), r.description(), () -> gaugeValues.getOrDefault(key, 0d), r.tags());
                }
                Set<String> before = keysBySource.put(owner, seen);
                if (before != null) {
                    before.stream().filter(k -> !seen.contains(k)).forEach(k -> gaugeValues.put(k, 0d));
                    seen.addAll(before); // still registered: keep reading 0 until it comes back
                }
            } catch (RuntimeException e) {
                // A source that fails keeps its last values rather than reading 0.
                LOG.log(Level.WARNING, "Gauges of " + owner + " not read", e);
            }
        }
    }

    private final Map<String, Set<String>> keysBySource = new ConcurrentHashMap<>();
}
