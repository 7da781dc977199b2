package jp.machi.core.identity.token.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.token.domain.TokenSecrets;
import jp.machi.core.persistence.ChangeStamps;

/**
 * Who an API token stands for, remembered between requests while nothing that decides it has changed:
 * the token's municipality's change stamp ({@link ChangeStamps}, which every write to the token, to its
 * owner's account or to the platform's accounts raises, on every node) is the one it was checked under,
 * the token has not expired, and its use was recorded less than a minute ago. Otherwise
 * {@link ApiTokenService#check(String)} reads it again (and records the use). Revoking a token or
 * deactivating or demoting its owner stops it at the next request, as before. Held by the SHA-256 of the
 * secret, never the secret itself.
 */
@ApplicationScoped
public class TokenCallers {

    private static final int MAX_ENTRIES = 10_000;

    private record Held(String municipalityCode, long stamp, ApiTokenService.Checked checked) {
    }

    @Inject
    ApiTokenService tokens;

    @Inject
    ChangeStamps stamps;

    private final Map<String, Held> held = new ConcurrentHashMap<>();

    /** The caller {@code secret} stands for; {@code InvalidCredentialsException} as {@link ApiTokenService#authenticate}. */
    public Caller authenticate(String secret) {
        String hash = TokenSecrets.hash(secret);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Held h = held.get(hash);
        if (h != null && stillGood(h, now) && stamps.ofThisRequest(h.municipalityCode()) == h.stamp()) {
            return h.checked().caller();
        }
        held.remove(hash);
        // The token's municipality is known once it was read; its stamp is read before, under the code it had.
        String code = h == null ? null : h.municipalityCode();
        long before = stamps.ofThisRequest(code);
        ApiTokenService.Checked checked = tokens.check(secret);
        String actual = checked.caller().municipalityCode();
        if (java.util.Objects.equals(actual, code)) {
            if (held.size() >= MAX_ENTRIES) {
                held.clear();
            }
            held.put(hash, new Held(actual, before, checked));
        } else {
            // First sight of this token: remember it under its own municipality's stamp from now on.
            long stamp = stamps.of(actual);
            ApiTokenService.Checked again = tokens.check(secret);
            held.put(hash, new Held(actual, stamp, again));
            return again.caller();
        }
        return checked.caller();
    }

    private static boolean stillGood(Held h, OffsetDateTime now) {
        ApiTokenService.Checked c = h.checked();
        return (c.expiresAt() == null || now.isBefore(c.expiresAt()))
                && c.lastUsedAt() != null && now.isBefore(c.lastUsedAt().plus(ApiTokenService.TOUCH_INTERVAL));
    }
}
