package jp.machi.core.identity.oidc;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import jp.machi.core.identity.oidc.TokenRejectedException.Reason;

/**
 * Verifies the provider's JSON Web Tokens with Nimbus JOSE+JWT: the signature with one of the
 * provider's published keys, by an algorithm on the allow-list (asymmetric only: never
 * {@code none}, never HMAC, whose "key" would be the provider's public key anyone can read), the
 * issuer exactly, the audience, and the time window ({@code exp}, {@code nbf}) with
 * {@link #CLOCK_SKEW_SECONDS} of tolerance for clocks that are slightly off.
 */
final class TokenVerifier {

    static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    static final int CLOCK_SKEW_SECONDS = 60;

    /** {@code typ} values of access tokens: plain JWT (Keycloak, most providers) or RFC 9068's at+jwt. */
    private static final JOSEObjectType[] ACCESS_TOKEN_TYPES = {JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
        new JOSEObjectType("application/at+jwt"), null};
    private static final JOSEObjectType[] ID_TOKEN_TYPES = {JOSEObjectType.JWT, null};

    private final Supplier<String> issuer;
    private final JWKSource<SecurityContext> keys;

    /** @param issuer the provider's issuer as its discovery document writes it */
    TokenVerifier(Supplier<String> issuer, JWKSource<SecurityContext> keys) {
        this.issuer = issuer;
        this.keys = keys;
    }

    /**
     * Does this look like a JWT at all: three (signed) or five (encrypted) dot-separated parts, the
     * first a JOSE header? Such a token is this provider's business, even if it turns out broken.
     */
    static boolean isJwt(String token) {
        long dots = token.chars().filter(c -> c == '.').count();
        int first = token.indexOf('.');
        if ((dots != 2 && dots != 4) || first <= 0) {
            return false;
        }
        try {
            Header.parse(Base64URL.from(token.substring(0, first)));
            return true;
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }

    /**
     * An access token sent as {@code Authorization: Bearer}: its {@code aud} must contain
     * {@code audience}.
     *
     * @throws TokenRejectedException with {@link Reason#INVALID_TOKEN}
     * @throws ProviderUnavailableException when the provider's keys cannot be fetched
     */
    JWTClaimsSet accessToken(String token, String audience) {
        return verify(token, ACCESS_TOKEN_TYPES, audience, Set.of("sub", "exp"));
    }

    /**
     * An ID token from the token endpoint (OpenID Connect Core 3.1.3.7): audience the client,
     * {@code azp} the client when there are several audiences, and the nonce this browser's
     * sign-in sent.
     */
    JWTClaimsSet idToken(String token, String clientId, String nonce) {
        JWTClaimsSet claims = verify(token, ID_TOKEN_TYPES, clientId, Set.of("sub", "exp", "iat"));
        List<String> aud = claims.getAudience();
        Object azp = claims.getClaim("azp");
        if (aud.size() > 1 && !clientId.equals(azp)) {
            throw invalid("ID token for several audiences without azp = client id");
        }
        if (azp != null && !clientId.equals(azp)) {
            throw invalid("ID token authorized for another party (azp)");
        }
        Object tokenNonce = claims.getClaim("nonce");
        if (!(tokenNonce instanceof String s) || !constantTimeEquals(s, nonce)) {
            throw invalid("ID token nonce does not match the sign-in's");
        }
        return claims;
    }

    private JWTClaimsSet verify(String token, JOSEObjectType[] types, String audience, Set<String> required) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw invalid("malformed JWT: " + e.getMessage());
        }
        if (!(jwt instanceof SignedJWT)) {
            // Unsigned ("alg": "none") or encrypted: neither proves anything here.
            throw invalid("not a signed JWT (alg " + jwt.getHeader().getAlgorithm() + ")");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(types));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(new HashSet<>(ALLOWED_ALGORITHMS), keys));
        // Mutable sets: Nimbus 10.5 asks them contains(null), which Set.of answers with an exception.
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new HashSet<>(List.of(audience)), new JWTClaimsSet.Builder().issuer(issuer.get()).build(),
                new HashSet<>(required), null);
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
        try {
            return processor.process((SignedJWT) jwt, null);
        } catch (BadJOSEException | JOSEException e) {
            throw invalid(e.getMessage());
        }
    }

    static boolean constantTimeEquals(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static TokenRejectedException invalid(String why) {
        return new TokenRejectedException(Reason.INVALID_TOKEN, why);
    }
}
