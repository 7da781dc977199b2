package jp.machi.core.identity.user.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Salted, slow password hashes with a {@link Pbkdf2PasswordHash} ({@link Pbkdf2Hash}, compatible with Jakarta
 * Security's reference implementation):
 * PBKDF2WithHmacSHA512, a 32-byte random salt per password, a 64-byte key and at least
 * {@value #MIN_ITERATIONS} iterations (OWASP's figure for PBKDF2-HMAC-SHA512;
 * {@code machi.security.password.iterations} may raise it). The stored form names its own
 * algorithm and parameters ({@code PBKDF2WithHmacSHA512:210000:<salt>:<hash>}), so raising the
 * iterations later leaves old hashes verifiable; they are replaced at the next sign-in.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    public static final int MIN_ITERATIONS = 210_000;
    static final int SALT_BYTES = 32;
    static final int KEY_BYTES = 64;

    private static final Logger LOG = Logger.getLogger(PasswordHasher.class.getName());

    /** Machi's own {@link Pbkdf2Hash} in the container (the same on every server); tests may pass Soteria's. */
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "machi.security.password.iterations", defaultValue = "210000")
    int configuredIterations;

    private int iterations;

    /** A hash of a password nobody knows: verified against when there is no account, so that takes as long. */
    private String decoy;

    PasswordHasher() {
    }

    /** Outside a container (tests): the given implementation with {@code iterations}. */
    public static PasswordHasher using(Pbkdf2PasswordHash pbkdf2, int iterations) {
        PasswordHasher h = new PasswordHasher();
        h.pbkdf2 = pbkdf2;
        h.configuredIterations = iterations;
        h.init();
        return h;
    }

    @PostConstruct
    void init() {
        if (pbkdf2 == null) {
            pbkdf2 = new Pbkdf2Hash();
        }
        iterations = configuredIterations;
        if (iterations < MIN_ITERATIONS) {
            LOG.warning(() -> "machi.security.password.iterations=" + configuredIterations + " is below "
                    + MIN_ITERATIONS + "; using " + MIN_ITERATIONS);
            iterations = MIN_ITERATIONS;
        }
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", Integer.toString(SALT_BYTES),
                "Pbkdf2PasswordHash.KeySizeBytes", Integer.toString(KEY_BYTES)));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        decoy = hash(java.util.Base64.getEncoder().encodeToString(random));
    }

    public String hash(String password) {
        char[] chars = password.toCharArray();
        try {
            return pbkdf2.generate(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** True when {@code password} is the one {@code stored} was made from. A malformed stored hash never matches. */
    public boolean verify(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        char[] chars = password.toCharArray();
        try {
            return pbkdf2.verify(chars, stored);
        } catch (RuntimeException malformed) {
            LOG.warning("A stored password hash cannot be read; the password is refused");
            return false;
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Spends the time of one verification, for a login that has no account (no timing oracle). */
    public void verifyNothing(String password) {
        verify(password == null ? "" : password, decoy);
    }

    /** True when {@code stored} was made with another algorithm or fewer iterations than today's. */
    public boolean isOutdated(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return true;
        }
        try {
            return Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    public int iterations() {
        return iterations;
    }
}
