package jp.machi.core.identity.user.application;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 password hashes by the JDK alone, in the stored form of Jakarta Security's reference
 * implementation ({@code <algorithm>:<iterations>:<base64 salt>:<base64 hash>}), so hashes made by
 * either verify with the other. Machi's own because the servers differ: Payara and GlassFish offer
 * Soteria's {@code Pbkdf2PasswordHash} bean to every application, WildFly only to applications
 * that use Jakarta Security's authentication mechanisms ({@code WELD-001408}).
 */
public class Pbkdf2Hash implements Pbkdf2PasswordHash {

    private static final SecureRandom RANDOM = new SecureRandom();

    private String algorithm = "PBKDF2WithHmacSHA256";
    private int iterations = 2048;
    private int saltBytes = 32;
    private int keyBytes = 32;

    @Override
    public void initialize(Map<String, String> parameters) {
        algorithm = parameters.getOrDefault("Pbkdf2PasswordHash.Algorithm", algorithm);
        iterations = Integer.parseInt(parameters.getOrDefault("Pbkdf2PasswordHash.Iterations", Integer.toString(iterations)));
        saltBytes = Integer.parseInt(parameters.getOrDefault("Pbkdf2PasswordHash.SaltSizeBytes", Integer.toString(saltBytes)));
        keyBytes = Integer.parseInt(parameters.getOrDefault("Pbkdf2PasswordHash.KeySizeBytes", Integer.toString(keyBytes)));
    }

    @Override
    public String generate(char[] password) {
        byte[] salt = new byte[saltBytes];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(algorithm, password, salt, iterations, keyBytes);
        Base64.Encoder b64 = Base64.getEncoder();
        return algorithm + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    @Override
    public boolean verify(char[] password, String hashedPassword) {
        String[] parts = hashedPassword.split(":");
        if (parts.length != 4) {
            throw new IllegalArgumentException("Bad hash encoding");
        }
        int rounds = Integer.parseInt(parts[1]);
        if (rounds < 1) {
            throw new IllegalArgumentException("Bad iteration count");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] salt = b64.decode(parts[2]);
        byte[] expected = b64.decode(parts[3]);
        if (expected.length == 0) {
            throw new IllegalArgumentException("Empty hash");
        }
        return MessageDigest.isEqual(expected, derive(parts[0], password, salt, rounds, expected.length));
    }

    private static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Unsupported PBKDF2 algorithm " + algorithm, e);
        } finally {
            spec.clearPassword();
        }
    }
}
