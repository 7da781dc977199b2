package jp.machi.core.identity.token.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of an API token: {@code machi_} and 32 random bytes in base64url (43 characters).
 * Only its SHA-256 is stored. A slow hash is not needed: 256 random bits cannot be guessed, and a
 * fast one lets every request find its token by an index lookup.
 */
public final class TokenSecrets {

    public static final String PREFIX = "machi_";
    /** How much of the secret is kept for display ({@code machi_AbC123}), enough to tell tokens apart. */
    public static final int SHOWN = PREFIX.length() + 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    public static String generate() {
        return PREFIX + randomText();
    }

    /** 32 random bytes in base64url (43 characters): a browser session's secret, a CSRF token. */
    public static String randomText() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean looksLikeOurs(String token) {
        return token != null && token.startsWith(PREFIX);
    }

    /** Lower-case hex SHA-256 of the whole secret, prefix included. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    public static String shown(String secret) {
        return secret.substring(0, Math.min(SHOWN, secret.length()));
    }
}
