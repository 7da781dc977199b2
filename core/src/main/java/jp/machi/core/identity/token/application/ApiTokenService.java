package jp.machi.core.identity.token.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.InvalidCredentialsException;
import jp.machi.core.identity.Role;
import jp.machi.core.identity.token.domain.ApiToken;
import jp.machi.core.identity.token.domain.TokenSecrets;
import jp.machi.core.identity.user.domain.UserAccount;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;

/**
 * Issuing, listing, revoking and recognising API tokens. A token never carries more than the
 * person who issued it: a municipality administrator issues tokens up to municipality
 * administrator for their own municipality; only platform administrators issue platform tokens.
 */
@ApplicationScoped
@Transactional
public class ApiTokenService {

    /** Last-use times are written at most this often per token: a busy script must not write on every call. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    @Inject
    Tenancy tenancy;

    /** A token just issued, with the only copy of its secret there will ever be. */
    public record Issued(ApiToken token, String secret) {
    }

    private EntityManager em() {
        return tenancy.platform();
    }

    /**
     * Issues a token for {@code municipalityCode} (null: a platform token). 403 when {@code role}
     * is above {@code issuer}'s own role; 400 for a platform role on a municipality's token or the
     * other way round.
     */
    public Issued issue(String municipalityCode, Role role, String name, OffsetDateTime expiresAt, Caller issuer) {
        if (!issuer.has(role)) {
            throw new ApiException(403, "role-exceeds-issuer", "token.role.exceedsIssuer", role.label(), issuer.role().label());
        }
        if ((role == Role.PLATFORM_ADMIN) != (municipalityCode == null)) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("role",
                    municipalityCode == null ? "token.role.platformOnly" : "token.role.notPlatform")));
        }
        String secret = TokenSecrets.generate();
        ApiToken token = new ApiToken(municipalityCode, role, name, secret, issuer.name(), expiresAt, ownerOf(issuer));
        em().persist(token);
        em().flush();
        return new Issued(token, secret);
    }

    /**
     * The account a new token issued by {@code issuer} is bound to: a signed-in user's own, a token's
     * owner (a token minting a token passes its owner on), none for OpenID Connect users and Machi itself.
     */
    private UUID ownerOf(Caller issuer) {
        return switch (issuer.method()) {
            case PASSWORD -> UUID.fromString(issuer.id());
            case API_TOKEN -> Optional.ofNullable(em().find(ApiToken.class, UUID.fromString(issuer.id())))
                    .map(ApiToken::getOwnerUserId).orElse(null);
            default -> null;
        };
    }

    /** The fields a list of tokens may be sorted by ({@code ?sort=}); newest first by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("createdAt", "t.createdAt")
            .field("name", "t.name")
            .field("role", "t.role")
            .byDefault("-createdAt,name");

    /** The tokens of a municipality (the platform's when null), as a query run in the database. */
    public ListQuery<ApiToken> list(String municipalityCode, Sort sort) {
        ListQuery<ApiToken> q = ListQuery.of(em(), ApiToken.class, "t");
        return (municipalityCode == null ? q.always("t.municipalityCode IS NULL")
                : q.where("t.municipalityCode = :code", "code", municipalityCode)).orderBy(sort);
    }

    public List<ApiToken> list(String municipalityCode) {
        return municipalityCode == null
                ? em().createNamedQuery("ApiToken.platform", ApiToken.class).getResultList()
                : em().createNamedQuery("ApiToken.ofMunicipality", ApiToken.class)
                        .setParameter("code", municipalityCode).getResultList();
    }

    /** 404 for an unknown id and for another municipality's token alike. */
    public ApiToken require(String municipalityCode, UUID id) {
        return Optional.ofNullable(em().find(ApiToken.class, id))
                .filter(t -> municipalityCode == null ? t.getMunicipalityCode() == null
                        : municipalityCode.equals(t.getMunicipalityCode()))
                .orElseThrow(() -> ApiException.notFound("token.notFound", id));
    }

    /** From now on the token is refused with 401; revoking again changes nothing. */
    public ApiToken revoke(String municipalityCode, UUID id) {
        ApiToken token = require(municipalityCode, id);
        token.revoke(OffsetDateTime.now(ZoneOffset.UTC));
        em().flush();
        return token;
    }

    /**
     * The caller a {@code machi_…} secret stands for.
     *
     * @throws InvalidCredentialsException for a secret that is unknown, revoked or expired
     */
    public Caller authenticate(String secret) {
        return authenticate(secret, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /**
     * Whether the token's owner may still do what the token does: the account exists, is active, holds
     * at least the token's role and, for a municipality's token, belongs to that municipality (or is a
     * platform administrator). Read at every request, so deactivating or demoting a user stops their
     * tokens at once.
     */
    private boolean ownerStillMay(ApiToken token) {
        UserAccount owner = em().find(UserAccount.class, token.getOwnerUserId());
        if (owner == null || !owner.isActive() || !owner.getRole().includes(token.getRole())) {
            return false;
        }
        return owner.getRole() == Role.PLATFORM_ADMIN
                || (token.getMunicipalityCode() != null && token.getMunicipalityCode().equals(owner.getMunicipalityCode()));
    }

    private Caller authenticate(String secret, OffsetDateTime now) {
        return check(secret, now).caller();
    }

    /** A token found good: who it stands for, until when, and when it was last recorded as used. */
    public record Checked(Caller caller, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt) {
    }

    /**
     * {@link #authenticate(String)}, also telling until when the token works and when its use was last
     * recorded, for {@code TokenCallers}, which reuses the answer while nothing changed.
     */
    public Checked check(String secret) {
        return check(secret, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private Checked check(String secret, OffsetDateTime now) {
        ApiToken token = em().createNamedQuery("ApiToken.bySecretHash", ApiToken.class)
                .setParameter("hash", TokenSecrets.hash(secret)).getResultStream().findFirst()
                .orElseThrow(() -> new InvalidCredentialsException("unknown API token"));
        if (!token.isUsableAt(now)) {
            throw new InvalidCredentialsException("revoked or expired API token " + token.getPrefix());
        }
        if (token.getOwnerUserId() != null && !ownerStillMay(token)) {
            throw new InvalidCredentialsException("API token " + token.getPrefix()
                    + " of a deactivated, demoted or moved user account");
        }
        OffsetDateTime lastUsed = token.getLastUsedAt();
        if (lastUsed == null || lastUsed.plus(TOUCH_INTERVAL).isBefore(now)) {
            em().createNamedQuery("ApiToken.touch").setParameter("at", now).setParameter("id", token.getId())
                    .executeUpdate();
            lastUsed = now;
        }
        return new Checked(token.asCaller(), token.getExpiresAt(), lastUsed);
    }
}
