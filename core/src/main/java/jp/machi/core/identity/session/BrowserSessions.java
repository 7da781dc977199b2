package jp.machi.core.identity.session;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.identity.token.domain.TokenSecrets;
import jp.machi.core.persistence.Tenancy;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The browsers' signed-in sessions, kept in the database ({@code browser_session}) so that every node
 * of a cluster knows them and a node's death signs nobody out (docs/adr/0046-cluster-browser-sessions-in-the-database.md).
 * A row holds the SHA-256 of the cookie's secret (never the secret), the caller as signed in, the
 * CSRF token, when the session was signed in and when it expires: {@code machi.security.session.minutes}
 * (30) after the last request. The expiry is pushed on at most once a minute, so a busy browser does not
 * write on every request. Plain SQL on a technical table, as intake's counters: a session is not an
 * audited record.
 */
@ApplicationScoped
public class BrowserSessions {

    /** The expiry is moved on when less than the idle limit minus this is left. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    /** EclipseLink's QueryHints.ALLOW_NATIVE_SQL_QUERY (native SQL in a unit with multitenant entities). */
    private static final String ALLOW = "eclipselink.jdbc.allow-native-sql-query";

    @Inject
    Tenancy tenancy;

    private long idleMillis;

    /** A session found by its cookie: the caller as signed in, its CSRF token, when it was signed in. */
    public record Found(String secretHash, Caller caller, String csrfToken, OffsetDateTime signedInAt) {
    }

    /** A session just started: the cookie's secret (its only copy) and the CSRF token. */
    public record Started(String secret, Found session) {
    }

    @PostConstruct
    void init() {
        int minutes = ConfigProvider.getConfig(BrowserSessions.class.getClassLoader())
                .getOptionalValue("machi.security.session.minutes", Integer.class).orElse(30);
        idleMillis = Duration.ofMinutes(Math.max(1, minutes)).toMillis();
    }

    private Query sql(String statement) {
        EntityManager em = tenancy.platform();
        return em.createNativeQuery(statement).setHint(ALLOW, true);
    }

    /**
     * Starts a session for {@code caller} with a fresh secret; the session of {@code previousSecret} (the
     * cookie the browser came with, if any) ends, so an id planted before sign-in is worthless. Sessions
     * past their expiry are deleted on the way.
     */
    @Transactional
    public Started start(Caller caller, String previousSecret) {
        long now = System.currentTimeMillis();
        if (previousSecret != null) {
            sql("DELETE FROM browser_session WHERE secret_hash = ?1").setParameter(1, TokenSecrets.hash(previousSecret))
                    .executeUpdate();
        }
        sql("DELETE FROM browser_session WHERE expires_at <= ?1").setParameter(1, now).executeUpdate();
        String secret = TokenSecrets.randomText();
        String csrf = TokenSecrets.randomText();
        String hash = TokenSecrets.hash(secret);
        long signedInAt = micros(Instant.now());
        sql("INSERT INTO browser_session (secret_hash, caller_id, caller_name, method, role, municipality_code,"
                + " unit_id, module_roles, csrf_token, signed_in_at, expires_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, hash).setParameter(2, caller.id()).setParameter(3, caller.name())
                .setParameter(4, caller.method().name()).setParameter(5, caller.role().name())
                .setParameter(6, caller.municipalityCode())
                .setParameter(7, caller.unitId() == null ? null : caller.unitId().toString())
                .setParameter(8, caller.moduleRoles().stream().sorted().collect(Collectors.joining(" ")))
                .setParameter(9, csrf).setParameter(10, signedInAt).setParameter(11, now + idleMillis)
                .executeUpdate();
        return new Started(secret, new Found(hash, caller, csrf, fromMicros(signedInAt)));
    }

    /** The unexpired session of a cookie's secret; its expiry moves on (at most once a minute). */
    @Transactional
    public Optional<Found> find(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 200) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        String hash = TokenSecrets.hash(secret);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql("SELECT caller_id, caller_name, method, role, municipality_code, unit_id,"
                + " module_roles, csrf_token, signed_in_at, expires_at FROM browser_session"
                + " WHERE secret_hash = ?1 AND expires_at > ?2").setParameter(1, hash).setParameter(2, now)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        Caller caller;
        try {
            String roles = (String) r[6];
            Set<String> moduleRoles = roles == null || roles.isBlank() ? Set.of()
                    : Arrays.stream(roles.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            caller = new Caller((String) r[0], (String) r[1], Role.valueOf((String) r[3]), (String) r[4],
                    r[5] == null ? null : UUID.fromString((String) r[5]), Caller.Method.valueOf((String) r[2]),
                    moduleRoles);
        } catch (IllegalArgumentException unreadable) {
            // A row written by a release that knew other roles or methods: the session is over.
            end(hash);
            return Optional.empty();
        }
        long expiresAt = ((Number) r[9]).longValue();
        if (expiresAt - now < idleMillis - TOUCH_INTERVAL.toMillis()) {
            sql("UPDATE browser_session SET expires_at = ?1 WHERE secret_hash = ?2").setParameter(1, now + idleMillis)
                    .setParameter(2, hash).executeUpdate();
        }
        return Optional.of(new Found(hash, caller, (String) r[7], fromMicros(((Number) r[8]).longValue())));
    }

    /** Ends a session (signing out, or a session whose account may no longer sign in). */
    @Transactional
    public void end(String secretHash) {
        sql("DELETE FROM browser_session WHERE secret_hash = ?1").setParameter(1, secretHash).executeUpdate();
    }

    /** The session counts as signed in now (after its owner changed their own password in it). */
    @Transactional
    public OffsetDateTime markSignedIn(String secretHash) {
        long at = micros(Instant.now());
        sql("UPDATE browser_session SET signed_in_at = ?1 WHERE secret_hash = ?2").setParameter(1, at)
                .setParameter(2, secretHash).executeUpdate();
        return fromMicros(at);
    }

    /** Microseconds since the epoch, rounded up: never before the moment itself. */
    static long micros(Instant t) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, t);
        return t.getNano() % 1000 == 0 ? micros : micros + 1;
    }

    static OffsetDateTime fromMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
