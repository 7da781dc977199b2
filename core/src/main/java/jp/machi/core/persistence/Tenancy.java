package jp.machi.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.annotation.Resource;

/**
 * Hands out entity managers bound to one municipality. Binding happens per transaction: call these
 * inside one (every application service is {@code @Transactional}); outside a transaction the
 * container would give each call a fresh entity manager and the binding would be lost, so that is
 * refused.
 */
@ApplicationScoped
public class Tenancy {

    /** Entity-manager property naming the municipality (its local government code). */
    public static final String TENANT_PROPERTY = "machi.municipality";

    private static final String BOUND_KEY = Tenancy.class.getName() + ".bound";

    @PersistenceContext(unitName = "machi")
    private EntityManager em;

    @Inject
    private CurrentMunicipality current;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /**
     * The entity manager of the municipality this work is about: the one this transaction was
     * bound to, or else the one the request names.
     */
    public EntityManager em() {
        return bind(code());
    }

    /** The local government code this transaction serves (bound, or taken from the request). */
    public String code() {
        if (transactions.getTransactionKey() != null) {
            Object bound = transactions.getResource(BOUND_KEY);
            if (bound != null) {
                return (String) bound;
            }
        }
        return current.code();
    }

    /**
     * The municipality this work is about, if it is about one: the one this transaction was bound
     * to, else the one the request names; empty for platform-level work.
     */
    public java.util.Optional<String> codeIfAny() {
        if (transactions.getTransactionKey() != null) {
            Object bound = transactions.getResource(BOUND_KEY);
            if (bound != null) {
                return java.util.Optional.of((String) bound);
            }
        }
        try {
            return current.isSet() ? java.util.Optional.of(current.code()) : java.util.Optional.empty();
        } catch (jakarta.enterprise.context.ContextNotActiveException noRequest) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The entity manager bound to {@code lgCode}, for work that is not a request about one
     * municipality (start-up, demo data, scheduled jobs). One transaction serves one municipality.
     */
    public EntityManager bind(String lgCode) {
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException("Tenant-bound work needs a transaction");
        }
        Object bound = transactions.getResource(BOUND_KEY);
        if (bound != null && !bound.equals(lgCode)) {
            throw new IllegalStateException("This transaction already serves municipality " + bound);
        }
        if (bound == null) {
            em.setProperty(TENANT_PROPERTY, lgCode);
            transactions.putResource(BOUND_KEY, lgCode);
        }
        return em;
    }

    /** The entity manager for platform-wide rows (municipalities themselves), bound to no municipality. */
    public EntityManager platform() {
        return em;
    }
}
