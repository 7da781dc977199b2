package jp.machi.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Short read transactions of their own, bound to one municipality: for work that runs after a
 * resource method returned and its transaction ended, such as writing a streamed export. Each call
 * gets a fresh persistence context, dropped when it returns, so reading many chunks does not
 * gather every row in memory.
 */
@ApplicationScoped
public class ReadTransactions {

    @Inject
    Tenancy tenancy;

    /** Runs {@code work} in a new transaction bound to {@code lgCode} (none for platform-wide rows). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <R> R read(String lgCode, Supplier<R> work) {
        if (lgCode != null) {
            tenancy.bind(lgCode);
        }
        return work.get();
    }
}
