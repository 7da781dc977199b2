package jp.machi.core.identity;

import java.util.Optional;

/**
 * Turns the token of an {@code Authorization: Bearer} header into a caller. Several exist side by
 * side as {@code @ApplicationScoped} beans: Machi's own API tokens, access tokens of an external
 * OpenID Connect provider. Each recognises its own tokens.
 */
public interface BearerAuthenticator {

    /**
     * @return the caller, or empty when the token is not of this kind (another authenticator may
     *     know it)
     * @throws InvalidCredentialsException when the token is of this kind but not valid (unknown,
     *     revoked, expired, badly signed): the request is refused with 401
     */
    Optional<Caller> authenticate(String token);
}
