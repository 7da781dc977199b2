package jp.machi.core.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import jp.machi.core.config.MachiConfig;

/**
 * The answers {@link ReadCache} may serve again, in this node's memory, bounded by their bytes
 * ({@code MACHI_READ_CACHE_MAX_BYTES}, 32 MiB by default, {@code 0} turns reuse off): the least recently
 * used go first. Nothing here needs invalidating: an entry names the change stamp it was computed under
 * and is only served while the municipality's stamp is still that one.
 */
@ApplicationScoped
public class ReadCacheStore {

    /** The setting: the most bytes of answers kept. */
    public static final String MAX_BYTES_SETTING = "machi.read-cache.max-bytes";
    static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(ReadCacheStore.class.getName());

    /** What identifies an answer besides the stamp. */
    public record Key(String endpoint, String path, String query, String accept, String language, String caller,
            LocalDate day) {
    }

    /** A kept answer. */
    public record Entry(long stamp, byte[] body, MediaType mediaType, Map<String, List<String>> headers) {
    }

    /** An answer on its way to the client, to be kept once its bytes are known. */
    record Pending(Key key, long stamp, MediaType mediaType, Map<String, List<String>> headers) {
    }

    private final long maxBytes;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    public ReadCacheStore() {
        this(MachiConfig.get(MAX_BYTES_SETTING).map(ReadCacheStore::parse).orElse(DEFAULT_MAX_BYTES));
    }

    ReadCacheStore(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    private static long parse(String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warning(() -> "MACHI_READ_CACHE_MAX_BYTES=" + value + " is not a number of bytes (0 or more): using "
                + DEFAULT_MAX_BYTES);
        return DEFAULT_MAX_BYTES;
    }

    public boolean enabled() {
        return maxBytes > 0;
    }

    /** The largest answer kept: an eighth of the whole, at most 4 MiB. */
    public long maxEntryBytes() {
        return Math.min(4L * 1024 * 1024, maxBytes / 8);
    }

    public synchronized Entry get(Key key) {
        return entries.get(key);
    }

    synchronized void put(Pending pending, byte[] body) {
        if (body.length > maxEntryBytes()) {
            return;
        }
        Entry old = entries.get(pending.key());
        if (old != null && old.stamp() > pending.stamp()) {
            return; // a newer answer arrived first
        }
        Entry entry = new Entry(pending.stamp(), body, pending.mediaType(), pending.headers());
        Entry replaced = entries.put(pending.key(), entry);
        bytes += size(entry) - (replaced == null ? 0 : size(replaced));
        Iterator<Entry> eldest = entries.values().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= size(eldest.next());
            eldest.remove();
        }
    }

    /** The bytes an entry holds, with a rough allowance for its key and headers. */
    private static long size(Entry e) {
        return e.body().length + 512L;
    }

    /** How many answers are held (for tests and metrics). */
    public synchronized int size() {
        return entries.size();
    }
}
