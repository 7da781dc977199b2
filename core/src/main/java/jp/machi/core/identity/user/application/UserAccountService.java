package jp.machi.core.identity.user.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.ApiException.FieldErrorKey;
import jp.machi.core.api.Sort;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.identity.user.domain.Logins;
import jp.machi.core.identity.user.domain.PasswordRules;
import jp.machi.core.identity.user.domain.UserAccount;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;

/**
 * Keeping Machi's own user store: creating accounts, changing them, setting passwords. Accounts
 * are not tenant-owned rows (platform administrators belong to no municipality), so every query
 * here names the municipality it is about, and an account of another municipality is as absent
 * as one that does not exist.
 */
@ApplicationScoped
@Transactional
public class UserAccountService {

    @Inject
    Tenancy tenancy;

    @Inject
    PasswordHasher hasher;

    /** What a new account is made of; {@code municipalityCode} null for a platform administrator. */
    public record NewAccount(String login, String displayName, String email, Role role, String municipalityCode,
            UUID unitId, String password) {
    }

    private EntityManager em() {
        return tenancy.platform();
    }

    public boolean isEmpty() {
        return em().createNamedQuery("UserAccount.count", Long.class).getSingleResult() == 0L;
    }

    /**
     * Creates an active account. 400 naming the fields for a malformed login or a password that
     * breaks a rule, 409 for a login already taken (in any municipality: logins are global).
     */
    public UserAccount create(NewAccount a) {
        String login = Logins.normalize(a.login());
        List<FieldErrorKey> errors = new ArrayList<>();
        if (!Logins.isValid(login)) {
            errors.add(new FieldErrorKey("login", "user.login.format"));
        }
        errors.addAll(passwordErrors("password", a.password(), login));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (findByLogin(login).isPresent()) {
            throw ApiException.conflict("login-exists", "user.login.exists", login);
        }
        UserAccount account = new UserAccount(login, a.displayName(), a.email(), a.role(), a.municipalityCode(),
                a.unitId(), hasher.hash(a.password()));
        em().persist(account);
        em().flush();
        return account;
    }

    /** The rules {@code password} breaks, as field errors of {@code field}. */
    public static List<FieldErrorKey> passwordErrors(String field, String password, String login) {
        return PasswordRules.check(password, login).stream()
                .map(v -> new FieldErrorKey(field, v.key(), v.args())).toList();
    }

    public Optional<UserAccount> findByLogin(String normalizedLogin) {
        return em().createNamedQuery("UserAccount.byLogin", UserAccount.class)
                .setParameter("login", normalizedLogin).getResultStream().findFirst();
    }

    public Optional<UserAccount> find(UUID id) {
        return Optional.ofNullable(em().find(UserAccount.class, id));
    }

    /**
     * The account {@code id} of municipality {@code municipalityCode}, or of the platform
     * administrators when it is null; 404 otherwise, the same as for an id that does not exist.
     */
    public UserAccount require(String municipalityCode, UUID id) {
        return find(id).filter(u -> municipalityCode == null ? u.getMunicipalityCode() == null
                : municipalityCode.equals(u.getMunicipalityCode()))
                .orElseThrow(() -> ApiException.notFound("user.notFound", id));
    }

    /** The fields a list of accounts may be sorted by ({@code ?sort=}); by login by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("login", "u.login")
            .field("displayName", "u.displayName")
            .field("role", "u.role")
            .field("createdAt", "u.createdAt")
            .byDefault("login");

    /** The accounts of a municipality (the platform administrators when null), as a query run in the database. */
    public ListQuery<UserAccount> list(String municipalityCode, Sort sort) {
        ListQuery<UserAccount> q = ListQuery.of(em(), UserAccount.class, "u");
        return (municipalityCode == null ? q.always("u.municipalityCode IS NULL")
                : q.where("u.municipalityCode = :code", "code", municipalityCode)).orderBy(sort);
    }

    public List<UserAccount> ofMunicipality(String municipalityCode) {
        return em().createNamedQuery("UserAccount.ofMunicipality", UserAccount.class)
                .setParameter("code", municipalityCode).getResultList();
    }

    public List<UserAccount> platformAdmins() {
        return em().createNamedQuery("UserAccount.platformAdmins", UserAccount.class).getResultList();
    }

    public long activePlatformAdmins() {
        return em().createNamedQuery("UserAccount.activePlatformAdmins", Long.class).getSingleResult();
    }

    /** Sets a new password after checking the rules (400 naming {@code field}); ends a lock-out. */
    public void setPassword(UserAccount account, String password, String field) {
        List<FieldErrorKey> errors = passwordErrors(field, password, account.getLogin());
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        account.changePasswordHash(hasher.hash(password));
        em().flush();
    }

    public boolean passwordMatches(UserAccount account, String password) {
        return hasher.verify(password, account.getPasswordHash());
    }

    public void flush() {
        em().flush();
    }

    /**
     * The caller a session signed in at {@code signedInAt} stands for, as the account is now:
     * empty when the account was deactivated or deleted, or its password changed, since; with the
     * current role when that was changed.
     */
    public Optional<Caller> currentCaller(String accountId, OffsetDateTime signedInAt) {
        UUID id;
        try {
            id = UUID.fromString(accountId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return find(id).filter(UserAccount::isActive).filter(u -> u.signedInSince(signedInAt))
                .map(UserAccount::asCaller);
    }
}
