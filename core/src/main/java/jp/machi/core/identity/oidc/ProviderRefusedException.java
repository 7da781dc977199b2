package jp.machi.core.identity.oidc;

/**
 * The provider said no: an {@code error} on the callback (the person cancelled, the client is not
 * allowed) or from the token endpoint (the code expired or was used already).
 */
public class ProviderRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;

    public ProviderRefusedException(String error, String why) {
        super(why);
        this.error = error;
    }

    /** The OAuth error code, reduced to characters that are safe to show ({@code access_denied}). */
    public String error() {
        String safe = error == null ? "" : error.replaceAll("[^A-Za-z0-9_.-]", "");
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }
}
