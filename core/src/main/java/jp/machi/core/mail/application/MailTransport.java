package jp.machi.core.mail.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import jp.machi.core.mail.MailSettings;
import jp.machi.core.personaldata.Masking;
import jp.machi.core.personaldata.PersonalData;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Hands one mail to the SMTP server of {@link MailSettings}, or, without one, writes it to the
 * server log: the recipient masked, the subject, and the body's length, never the body itself (an
 * answer quotes what the resident wrote).
 */
@ApplicationScoped
public class MailTransport {

    private static final Logger LOG = Logger.getLogger(MailTransport.class.getName());
    private static final int TIMEOUT_MILLIS = 15_000;

    private Optional<MailSettings> settings;

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        settings = MailSettings.read(name -> config.getOptionalValue(name, String.class));
        LOG.info(() -> settings.map(s -> "E-mail goes through SMTP: " + s)
                .orElse("E-mail is written to the server log (MACHI_SMTP_HOST is not set); recipients masked, bodies"
                        + " not logged"));
    }

    /** Reads (and checks) the settings at start-up, not at the first mail. */
    void atStart(@jakarta.enterprise.event.Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class)
            Object started) {
        logOnly();
    }

    /** Whether mail goes to the log instead of an SMTP server. */
    public boolean logOnly() {
        return settings.isEmpty();
    }

    /**
     * Sends; throws {@link MessagingException} when the server cannot be reached or refuses.
     */
    public void send(String to, String subject, String body) throws MessagingException {
        if (settings.isEmpty()) {
            LOG.info(() -> "E-mail (not sent: no SMTP server configured) to " + Masking.mask(PersonalData.Kind.EMAIL, to)
                    + ", subject \"" + subject + "\", body of " + body.length() + " characters");
            return;
        }
        MailSettings s = settings.get();
        String protocol = s.tls() == MailSettings.Tls.SMTPS ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", s.host());
        p.put("mail." + protocol + ".port", Integer.toString(s.port()));
        p.put("mail." + protocol + ".connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
        p.put("mail." + protocol + ".timeout", Integer.toString(TIMEOUT_MILLIS));
        p.put("mail." + protocol + ".writetimeout", Integer.toString(TIMEOUT_MILLIS));
        p.put("mail." + protocol + ".auth", Boolean.toString(s.user() != null));
        if (s.tls() == MailSettings.Tls.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (s.tls() != MailSettings.Tls.NONE) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(s.from()));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        m.setSubject(subject, StandardCharsets.UTF_8.name());
        m.setText(body, StandardCharsets.UTF_8.name());
        m.setSentDate(new Date());
        m.setHeader("Auto-Submitted", "auto-generated");
        try (Transport t = session.getTransport(protocol)) {
            if (s.user() != null) {
                t.connect(s.host(), s.port(), s.user(), s.password());
            } else {
                t.connect();
            }
            m.saveChanges();
            t.sendMessage(m, m.getAllRecipients());
        }
    }
}
