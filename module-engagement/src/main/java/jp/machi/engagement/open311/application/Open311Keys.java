package jp.machi.engagement.open311.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.open311.domain.Open311Key;

/** The Open311 API keys of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class Open311Keys {

    @Inject
    Tenancy tenancy;

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("createdAt", "k.createdAt")
            .field("name", "k.name")
            .nullable("lastUsedAt", "k.lastUsedAt")
            .byDefault("-createdAt");

    /** A key just issued, with its secret (shown this once). */
    public record Issued(Open311Key key, String secret) {
    }

    public ListQuery<Open311Key> list(Sort sort) {
        return ListQuery.of(tenancy.em(), Open311Key.class, "k").orderBy(sort);
    }

    public Open311Key require(UUID id) {
        Open311Key k = tenancy.em().find(Open311Key.class, id);
        if (k == null) {
            throw ApiException.notFound("engagement.open311Key.notFound", id.toString());
        }
        return k;
    }

    public Issued issue(String name, String issuer) {
        String secret = Open311Key.newSecret();
        Open311Key k = new Open311Key(name, secret, issuer, OffsetDateTime.now(ZoneOffset.UTC));
        tenancy.em().persist(k);
        tenancy.em().flush();
        return new Issued(k, secret);
    }

    /** Revokes a key (409 if it was revoked already). */
    public Open311Key revoke(Open311Key k) {
        if (!k.revoke(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw ApiException.conflict("open311-key-revoked", "engagement.open311Key.revokedAlready", k.getName());
        }
        tenancy.em().flush();
        return k;
    }

    /**
     * The key an Open311 client sent as {@code api_key}, if it is one of this municipality's and not
     * revoked (403 otherwise, the same for unknown, another municipality's and revoked keys); its
     * last use is recorded.
     */
    public UUID authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new ApiException(403, "open311-api-key", "engagement.open311.apiKeyMissing");
        }
        Open311Key k = tenancy.em().createQuery("SELECT k FROM Open311Key k WHERE k.keyHash = :hash", Open311Key.class)
                .setParameter("hash", Open311Key.hash(secret.strip())).getResultList().stream().findFirst()
                .orElse(null);
        if (k == null || k.isRevoked()) {
            throw new ApiException(403, "open311-api-key", "engagement.open311.apiKeyInvalid");
        }
        k.used(OffsetDateTime.now(ZoneOffset.UTC));
        return k.getId();
    }
}
