package jp.machi.core.identity.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import jp.machi.core.identity.BearerAuthenticator;
import jp.machi.core.identity.Caller;

/**
 * Access tokens of the external OpenID Connect provider, sent as {@code Authorization: Bearer}:
 * a JWT signed by the provider, issued by it, meant for Machi ({@code aud}) and still valid, whose
 * claims name a Machi role and (except for platform administrators) a municipality Machi knows.
 * Tokens that are not JWTs are left to the other authenticators; with OpenID Connect off, all are.
 */
@ApplicationScoped
public class OidcBearerAuthenticator implements BearerAuthenticator {

    @Inject
    Oidc oidc;

    @Override
    public Optional<Caller> authenticate(String token) {
        return oidc.bearer(token);
    }
}
