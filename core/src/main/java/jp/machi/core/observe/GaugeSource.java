package jp.machi.core.observe;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * A module's (or core's) gauges that need the database, read when {@code /metrics} is asked for.
 * A CDI bean implementing this is found by {@link Observations}; {@link #read} gets the platform's
 * entity manager (bound to no municipality) inside a read transaction and should answer with one
 * grouped query per gauge across all municipalities, never a query per municipality.
 */
public interface GaugeSource {

    /** One gauge's value for one set of tags (name, value pairs, e.g. {@code municipality, 202070}). */
    record Reading(String name, String description, double value, String... tags) {
    }

    List<Reading> read(EntityManager platform);

    /**
     * A native query across municipalities for a gauge. EclipseLink refuses native SQL in a unit with
     * multitenant entities unless a query allows it (it bypasses the tenant filter, which is what a gauge
     * grouped by {@code municipality_code} means to do); only counts leave it, never rows.
     */
    static jakarta.persistence.Query sql(EntityManager platform, String sql) {
        return platform.createNativeQuery(sql).setHint("eclipselink.jdbc.allow-native-sql-query", true);
    }
}
