package jp.machi.core.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remembers a value read from the database for the rest of the current transaction, and forgets it
 * when the transaction ends. For facts that one request asks many times but that the database
 * answers the same within a transaction (which modules a municipality has switched on, which metrics
 * it is offered): one read instead of one per indicator and year. Nothing outlives the transaction,
 * so there is nothing to invalidate across nodes; a write in the same transaction calls
 * {@link #forget}. Outside a transaction every call reads.
 */
@ApplicationScoped
public class TransactionMemo {

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** The value remembered under {@code key} in this transaction, read once by {@code load}. */
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key, Supplier<T> load) {
        if (transactions.getTransactionKey() == null) {
            return load.get();
        }
        Object held = transactions.getResource(key);
        if (held != null) {
            return ((Optional<T>) held).orElse(null);
        }
        T value = load.get();
        transactions.putResource(key, Optional.ofNullable(value));
        return value;
    }

    /** Drops what this transaction remembered under {@code key} (after a write that changes it). */
    public void forget(Key<?> key) {
        if (transactions.getTransactionKey() != null && transactions.getResource(key) != null) {
            transactions.putResource(key, null);
        }
    }

    /**
     * A key: what is remembered ({@code kind}, a class's name for instance) and for which municipality
     * or other argument. Records compare by value, so equal keys find the same value.
     */
    public record Key<T>(String kind, Object argument) {
    }
}
