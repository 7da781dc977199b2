package jp.machi.core.identity.oidc;

import static jp.machi.core.identity.oidc.TestKeys.KEY_1;
import static jp.machi.core.identity.oidc.TestKeys.KEY_2;
import static jp.machi.core.identity.oidc.TestKeys.accessClaims;
import static jp.machi.core.identity.oidc.TestKeys.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.InvalidCredentialsException;
import jp.machi.core.identity.Role;
import jp.machi.core.identity.oidc.TokenRejectedException.Reason;
import org.junit.jupiter.api.Test;

/** Access tokens of the provider sent as bearer tokens: who gets in as whom, and who is refused. */
class AccessTokensTest {

    private final TestKeys.Endpoint jwks = new TestKeys.Endpoint(KEY_1);
    private final TestKeys.MovableClock clock = new TestKeys.MovableClock();
    private final ProviderKeys keys = new ProviderKeys(jwks, clock);
    private final AccessTokens tokens = new AccessTokens(new TokenVerifier(() -> TestKeys.ISSUER, keys),
            new ClaimsMapper("machi_role", "machi_municipality", Set.of("082201", "131016")::contains), TestKeys.AUDIENCE);

    private Caller accepted(JWTClaimsSet claims) {
        return tokens.authenticate(sign(KEY_1, claims)).orElseThrow();
    }

    private Reason refused(String token) {
        return assertThrows(TokenRejectedException.class, () -> tokens.authenticate(token)).reason();
    }

    private Reason refused(JWTClaimsSet claims) {
        return refused(sign(KEY_1, claims));
    }

    @Test
    void aValidTokenBecomesTheCallerItsClaimsName() {
        Caller c = accepted(accessClaims().build());
        assertEquals("oidc:8f2c1d3e", c.id());
        assertEquals("sato", c.name());
        assertEquals(Role.STAFF, c.role());
        assertEquals("082201", c.municipalityCode());
        assertNull(c.unitId());
        assertEquals(Caller.Method.OIDC, c.method());
    }

    @Test
    void withoutPreferredUsernameTheSubjectIsTheName() {
        assertEquals("8f2c1d3e", accepted(accessClaims().claim("preferred_username", null).build()).name());
    }

    @Test
    void rolesMayBeWrittenInLowerCaseWithHyphens() {
        assertEquals(Role.VIEWER, accepted(accessClaims().claim("machi_role", "viewer").build()).role());
        assertEquals(Role.MUNICIPALITY_ADMIN,
                accepted(accessClaims().claim("machi_role", "municipality-admin").build()).role());
        assertEquals(Role.MUNICIPALITY_ADMIN,
                accepted(accessClaims().claim("machi_role", " Municipality_Admin ").build()).role());
    }

    @Test
    void fromAListOfRolesTheHighestMachiRoleCountsAndOthersAreIgnored() {
        assertEquals(Role.MUNICIPALITY_ADMIN, accepted(accessClaims()
                .claim("machi_role", List.of("offline_access", "viewer", "municipality-admin", "staff")).build()).role());
    }

    @Test
    void aPlatformAdministratorBelongsToNoMunicipality() {
        Caller c = accepted(accessClaims().claim("machi_role", "platform-admin").claim("machi_municipality", null).build());
        assertEquals(Role.PLATFORM_ADMIN, c.role());
        assertNull(c.municipalityCode());
        assertNull(accepted(accessClaims().claim("machi_role", "PLATFORM_ADMIN").build()).municipalityCode(),
                "a municipality claim does not tie a platform administrator to one municipality");
    }

    @Test
    void aMunicipalityInAOneElementListIsAccepted() {
        assertEquals("131016", accepted(accessClaims().claim("machi_municipality", List.of("131016")).build())
                .municipalityCode());
    }

    @Test
    void aTokenThatIsNotAJwtIsLeftToOtherAuthenticators() {
        assertEquals(Optional.empty(), tokens.authenticate("machi_3kd93kdk3kd93kd9"));
        assertEquals(Optional.empty(), tokens.authenticate("opaque-token-from-somewhere"));
        assertEquals(Optional.empty(), tokens.authenticate("a.b.c"));
        assertEquals(0, jwks.reads.get(), "nothing is fetched for tokens that are not ours");
    }

    @Test
    void anotherIssuerIsRefused() {
        assertEquals(Reason.INVALID_TOKEN, refused(accessClaims().issuer("https://evil.example/realms/machi").build()));
        assertEquals(Reason.INVALID_TOKEN, refused(accessClaims().issuer(TestKeys.ISSUER + "/").build()));
        assertEquals(Reason.INVALID_TOKEN, refused(accessClaims().issuer(null).build()));
    }

    @Test
    void anotherAudienceIsRefused() {
        assertEquals(Reason.INVALID_TOKEN, refused(accessClaims().audience("account").build()));
        assertEquals(Reason.INVALID_TOKEN, refused(accessClaims().audience((String) null).build()));
        assertEquals(Role.STAFF, accepted(accessClaims().audience(List.of("account", TestKeys.AUDIENCE)).build()).role(),
                "one of several audiences is enough");
    }

    @Test
    void anExpiredTokenIsRefusedBeyondTheClockSkew() {
        Instant now = Instant.now();
        assertEquals(Reason.INVALID_TOKEN, refused(accessClaims().expirationTime(Date.from(now.minusSeconds(120))).build()));
        assertEquals(Role.STAFF, accepted(accessClaims().expirationTime(Date.from(now.minusSeconds(20))).build()).role(),
                "a clock 20 s off is tolerated");
        assertEquals(Reason.INVALID_TOKEN, refused(accessClaims().expirationTime(null).build()), "exp is required");
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        assertEquals(Reason.INVALID_TOKEN,
                refused(accessClaims().notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build()));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertEquals(Reason.INVALID_TOKEN, refused(new PlainJWT(accessClaims().build()).serialize()));
        // The same with a forged header claiming RS256 but no signature.
        String[] parts = sign(KEY_1, accessClaims().build()).split("\\.");
        assertEquals(Reason.INVALID_TOKEN, refused(parts[0] + "." + parts[1] + "."));
        String none = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"key-1\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        assertEquals(Reason.INVALID_TOKEN, refused(none));
    }

    @Test
    void aTokenSignedWithHmacOverThePublicKeyIsRefused() throws JOSEException {
        // The classic confusion: HS256 with the provider's public key (anyone can read it) as the secret.
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").type(JOSEObjectType.JWT)
                .build(), accessClaims().build());
        jwt.sign(new MACSigner(KEY_1.toPublicJWK().toJSONString().repeat(2).getBytes(StandardCharsets.UTF_8)));
        assertEquals(Reason.INVALID_TOKEN, refused(jwt.serialize()));
    }

    @Test
    void aTokenSignedByAnotherKeyUnderAKnownKeyIdIsRefused() {
        assertEquals(Reason.INVALID_TOKEN, refused(sign(KEY_2, "key-1", accessClaims().build())));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = sign(KEY_1, accessClaims().build()).split("\\.");
        String admin = Base64URL.encode(accessClaims().claim("machi_role", "PLATFORM_ADMIN").build().toString()
                .getBytes(StandardCharsets.UTF_8)).toString();
        assertEquals(Reason.INVALID_TOKEN, refused(parts[0] + "." + admin + "." + parts[2]));
    }

    @Test
    void anUnknownKeyIdMakesMachiFetchTheKeysAgainSoARotatedKeyWorks() {
        accepted(accessClaims().build());
        assertEquals(1, jwks.reads.get());
        jwks.current = TestKeys.jwks(KEY_1, KEY_2);
        clock.advance(Duration.ofSeconds(11));
        Caller c = tokens.authenticate(sign(KEY_2, accessClaims().build())).orElseThrow();
        assertEquals(Role.STAFF, c.role());
        assertEquals(2, jwks.reads.get(), "fetched once more for the new key");
        tokens.authenticate(sign(KEY_2, accessClaims().build())).orElseThrow();
        tokens.authenticate(sign(KEY_1, accessClaims().build())).orElseThrow();
        assertEquals(2, jwks.reads.get(), "known keys need no fetch");
    }

    @Test
    void anUnknownKeyIdIsRefusedAndMadeUpKeyIdsDoNotHammerTheProvider() {
        accepted(accessClaims().build());
        assertEquals(Reason.INVALID_TOKEN, refused(sign(KEY_2, accessClaims().build())));
        assertEquals(1, jwks.reads.get(), "within 10 s of the last fetch nothing is fetched");
        clock.advance(Duration.ofSeconds(11));
        assertEquals(Reason.INVALID_TOKEN, refused(sign(KEY_2, "made-up", accessClaims().build())));
        assertEquals(2, jwks.reads.get());
        for (int i = 0; i < 20; i++) {
            refused(sign(KEY_2, "made-up-" + i, accessClaims().build()));
        }
        assertEquals(2, jwks.reads.get());
    }

    @Test
    void withoutAUsableRoleNobodyGetsIn() {
        assertEquals(Reason.NO_ROLE, refused(accessClaims().claim("machi_role", null).build()));
        assertEquals(Reason.NO_ROLE, refused(accessClaims().claim("machi_role", "ADMIN").build()));
        assertEquals(Reason.NO_ROLE, refused(accessClaims().claim("machi_role", "").build()));
        assertEquals(Reason.NO_ROLE, refused(accessClaims().claim("machi_role", List.of("offline_access")).build()));
        assertEquals(Reason.NO_ROLE, refused(accessClaims().claim("machi_role", 3).build()));
    }

    @Test
    void staffWithoutAValidMunicipalityIsRefused() {
        assertEquals(Reason.NO_MUNICIPALITY, refused(accessClaims().claim("machi_municipality", null).build()));
        assertEquals(Reason.NO_MUNICIPALITY, refused(accessClaims().claim("machi_municipality", "082202").build()),
                "wrong check digit");
        assertEquals(Reason.NO_MUNICIPALITY, refused(accessClaims().claim("machi_municipality", 82201).build()),
                "a number has lost its leading zero");
        assertEquals(Reason.NO_MUNICIPALITY,
                refused(accessClaims().claim("machi_municipality", List.of("082201", "131016")).build()));
    }

    @Test
    void aMunicipalityMachiDoesNotKnowIsRefused() {
        assertEquals(Reason.UNKNOWN_MUNICIPALITY, refused(accessClaims().claim("machi_municipality", "011002").build()));
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        assertEquals(Reason.INVALID_TOKEN, refused(accessClaims().subject(null).build()));
    }

    @Test
    void anUnreachableProviderRefusesTheTokenWithoutClaimingItIsForged() {
        jwks.down = true;
        InvalidCredentialsException e = assertThrows(InvalidCredentialsException.class,
                () -> tokens.authenticate(sign(KEY_1, accessClaims().build())));
        assertTrue(!(e instanceof TokenRejectedException), "not a verdict on the token: " + e);
    }

    @Test
    void claimNamesWithDotsAreFollowedAsPathsWhenNoSuchClaimExists() {
        AccessTokens keycloakRoles = new AccessTokens(new TokenVerifier(() -> TestKeys.ISSUER, keys),
                new ClaimsMapper("realm_access.roles", "machi_municipality", "082201"::equals), TestKeys.AUDIENCE);
        Caller c = keycloakRoles.authenticate(sign(KEY_1, accessClaims().claim("machi_role", null)
                .claim("realm_access", Map.of("roles", List.of("default-roles-machi", "staff"))).build())).orElseThrow();
        assertEquals(Role.STAFF, c.role());
        AccessTokens namespaced = new AccessTokens(new TokenVerifier(() -> TestKeys.ISSUER, keys),
                new ClaimsMapper("https://machi.jp/role", "machi_municipality", "082201"::equals), TestKeys.AUDIENCE);
        assertEquals(Role.VIEWER, namespaced.authenticate(sign(KEY_1, accessClaims().claim("machi_role", null)
                .claim("https://machi.jp/role", "viewer").build())).orElseThrow().role());
    }
}
