package jp.machi.core.identity.oidc;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.InvalidCredentialsException;

/**
 * The provider's access tokens as bearer credentials: a JWT is verified and its claims mapped;
 * anything else is not ours and left to the other authenticators.
 */
final class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());

    private final TokenVerifier verifier;
    private final ClaimsMapper mapper;
    private final String audience;

    AccessTokens(TokenVerifier verifier, ClaimsMapper mapper, String audience) {
        this.verifier = verifier;
        this.mapper = mapper;
        this.audience = audience;
    }

    /**
     * @return the caller, or empty when the token is not a JWT
     * @throws TokenRejectedException when it is a JWT that lets nobody in
     * @throws InvalidCredentialsException when it cannot be checked because the provider is unreachable
     */
    Optional<Caller> authenticate(String token) {
        if (token == null || !TokenVerifier.isJwt(token)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.caller(verifier.accessToken(token, audience)));
        } catch (TokenRejectedException e) {
            Level level = e.reason() == TokenRejectedException.Reason.INVALID_TOKEN ? Level.FINE : Level.INFO;
            LOG.log(level, "OpenID Connect bearer token refused ({0}): {1}", new Object[] {e.reason(), e.getMessage()});
            throw e;
        } catch (ProviderUnavailableException e) {
            LOG.warning(() -> "An OpenID Connect bearer token cannot be checked: " + e.getMessage());
            throw new InvalidCredentialsException("The OpenID Connect provider cannot be reached to check the token");
        }
    }
}
