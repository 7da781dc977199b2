package jp.machi.core.identity.oidc;

/**
 * The provider could not be asked (down, unreachable, answering nonsense): nothing is known about
 * the caller, so this is never a refusal of their credentials. Browser sign-in answers 502; a bearer
 * token that cannot be checked is refused.
 */
public class ProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(String why) {
        super(why);
    }

    public ProviderUnavailableException(String why, Throwable cause) {
        super(why, cause);
    }
}
