package jp.machi.core.observe;

import java.util.function.DoubleSupplier;

/** Where {@link Observations} writes: MicroProfile Metrics, or nowhere. Tags come as name, value pairs. */
interface MetricSink {

    void count(String name, String description, String... tags);

    void time(String name, String description, long nanos, String... tags);

    /** Registers (once per name and tags) a gauge whose value {@code value} gives when read. */
    void gauge(String name, String description, DoubleSupplier value, String... tags);

    /** No metrics on this server. */
    MetricSink NONE = new MetricSink() {
        @Override
        public void count(String name, String description, String... tags) {
        }

        @Override
        public void time(String name, String description, long nanos, String... tags) {
        }

        @Override
        public void gauge(String name, String description, DoubleSupplier value, String... tags) {
        }
    };
}
