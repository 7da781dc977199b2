package jp.machi.core.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How Machi reaches its SMTP server, read from the environment (MicroProfile Config:
 * {@code MACHI_SMTP_HOST} is {@code machi.smtp.host} and so on). Without a host there are no
 * settings: mail is written to the server log instead (recipient masked).
 *
 * @param host the SMTP server
 * @param port its port (default 25; 587 for STARTTLS, 465 for SMTPS)
 * @param user the login, if the server wants one
 * @param password its password
 * @param tls none, starttls (required, not opportunistic) or smtps (TLS from the first byte)
 * @param from the sender address ({@code MACHI_MAIL_FROM}), e.g. {@code noreply@city.example.lg.jp}
 */
public record MailSettings(String host, int port, String user, String password, Tls tls, String from) {

    /** How the connection to the SMTP server is protected. */
    public enum Tls {
        NONE, STARTTLS, SMTPS
    }

    /**
     * Reads the settings; empty when {@code machi.smtp.host} is unset or blank.
     *
     * @throws IllegalArgumentException when a value is unusable, naming the environment variable
     */
    public static Optional<MailSettings> read(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> get = name -> config.apply(name).map(String::trim).filter(s -> !s.isEmpty());
        Optional<String> host = get.apply("machi.smtp.host");
        if (host.isEmpty()) {
            return Optional.empty();
        }
        Tls tls;
        String t = get.apply("machi.smtp.tls").orElse("none").toUpperCase(Locale.ROOT);
        try {
            tls = Tls.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MACHI_SMTP_TLS must be none, starttls or smtps, not '" + t + "'", e);
        }
        int defaultPort = switch (tls) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case SMTPS -> 465;
        };
        int port;
        String p = get.apply("machi.smtp.port").orElse(Integer.toString(defaultPort));
        try {
            port = Integer.parseInt(p);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MACHI_SMTP_PORT is not a number: '" + p + "'", e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("MACHI_SMTP_PORT out of range: " + port);
        }
        String from = get.apply("machi.mail.from").orElseThrow(() -> new IllegalArgumentException(
                "MACHI_SMTP_HOST is set but MACHI_MAIL_FROM is not: mail needs a sender address"));
        if (!from.matches("^[^@\\s]+@[^@\\s]+$")) {
            throw new IllegalArgumentException("MACHI_MAIL_FROM is not an e-mail address: '" + from + "'");
        }
        return Optional.of(new MailSettings(host.get(), port, get.apply("machi.smtp.user").orElse(null),
                get.apply("machi.smtp.password").orElse(null), tls, from));
    }

    @Override
    public String toString() {
        // Never print the password.
        return "MailSettings[host=" + host + ", port=" + port + ", user=" + user + ", password="
                + (password == null ? "none" : "***") + ", tls=" + tls + ", from=" + from + "]";
    }
}
