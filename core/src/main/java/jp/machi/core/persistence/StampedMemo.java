package jp.machi.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers a value read from the database across requests, for as long as the municipality's change
 * stamp ({@link ChangeStamps}) is the one it was read under: whether a municipality exists, which modules
 * it has switched on, who an API token stands for. Correct across the nodes of a cluster, since every node
 * reads the stamp from the database, and nothing needs to be forgotten on a write. Values must be
 * immutable. At most {@value #MAX_ENTRIES} values are held; beyond that all are dropped and read again.
 */
@ApplicationScoped
public class StampedMemo {

    static final int MAX_ENTRIES = 20_000;

    private record Held(long stamp, Object value) {
    }

    @Inject
    ChangeStamps stamps;

    private final Map<TransactionMemo.Key<?>, Held> held = new ConcurrentHashMap<>();

    /**
     * The value under {@code key} read while {@code municipalityCode}'s stamp (null: the platform's) was
     * what it is now; else {@code load}'s, remembered under the stamp read before loading. A {@code null}
     * from {@code load} is not remembered.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String municipalityCode, TransactionMemo.Key<T> key, Supplier<T> load) {
        long stamp = stamps.ofThisRequest(municipalityCode);
        Held h = held.get(key);
        if (h != null && h.stamp() == stamp) {
            return (T) h.value();
        }
        T value = load.get();
        if (value != null) {
            if (held.size() >= MAX_ENTRIES) {
                held.clear();
            }
            held.put(key, new Held(stamp, value));
        }
        return value;
    }
}
