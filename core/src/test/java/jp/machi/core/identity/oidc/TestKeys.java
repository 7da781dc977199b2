package jp.machi.core.identity.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A provider's signing keys for tests: RSA keys made here, tokens signed with them, a JWKS that can rotate. */
final class TestKeys {

    static final String ISSUER = "https://sso.example.jp/realms/machi";
    static final String AUDIENCE = "machi-api";
    static final String CLIENT_ID = "machi";

    static final RSAKey KEY_1 = generate("key-1");
    static final RSAKey KEY_2 = generate("key-2");

    private TestKeys() {
    }

    static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims of a good access token for Machi: issuer, audience, five minutes of validity. */
    static JWTClaimsSet.Builder accessClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("8f2c1d3e")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("preferred_username", "sato").claim("machi_role", "STAFF").claim("machi_municipality", "082201");
    }

    static String sign(RSAKey key, JWTClaimsSet claims) {
        return sign(key, key.getKeyID(), claims);
    }

    static String sign(RSAKey key, String kid, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT)
                    .build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The published JWKS (public parts only) of the given keys, as the provider's endpoint would send it. */
    static Map<String, Object> jwks(RSAKey... keys) {
        return new JWKSet(List.of(keys)).toJSONObject(true);
    }

    /** A JWKS endpoint whose keys can be replaced (rotation), counting how often it is read. */
    static final class Endpoint implements Supplier<Map<String, Object>> {
        final AtomicInteger reads = new AtomicInteger();
        volatile Map<String, Object> current;
        volatile boolean down;

        Endpoint(RSAKey... keys) {
            current = jwks(keys);
        }

        @Override
        public Map<String, Object> get() {
            reads.incrementAndGet();
            if (down) {
                throw new ProviderUnavailableException("down");
            }
            return current;
        }
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
