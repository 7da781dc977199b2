package jp.machi.core.identity.oidc;

import jp.machi.core.identity.InvalidCredentialsException;

/**
 * A token from (or claiming to be from) the provider that does not let the caller in, with the
 * reason: for the log and, in browser sign-in, for the message the person sees. The message of the
 * exception is for the log only; it never contains the token.
 */
public class TokenRejectedException extends InvalidCredentialsException {

    private static final long serialVersionUID = 1L;

    /** Why, in the terms a person can act on. */
    public enum Reason {
        /** Not signed by the provider's keys, wrong issuer or audience, expired, malformed. */
        INVALID_TOKEN,
        /** Valid, but the role claim is missing or names no Machi role. */
        NO_ROLE,
        /** Valid, but the municipality claim is missing or not a local government code. */
        NO_MUNICIPALITY,
        /** Valid, but Machi has no municipality with that code. */
        UNKNOWN_MUNICIPALITY
    }

    private final Reason reason;

    public TokenRejectedException(Reason reason, String why) {
        super(why);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
