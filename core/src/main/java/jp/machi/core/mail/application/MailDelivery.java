package jp.machi.core.mail.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.mail.MailQueued;
import jp.machi.core.mail.domain.OutboxMail;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.personaldata.Masking;

/**
 * Delivers outbox mail: right after the transaction that queued it commits (on a managed thread,
 * so the request does not wait), and again from the retry job. An attempt is claimed in a
 * transaction of its own (counting it and moving the next attempt past the backoff, guarded by the
 * row's version), so two nodes or the retry job and the first delivery never send the same
 * attempt twice; the SMTP conversation happens outside any transaction.
 */
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());
    private static final Pattern ADDRESS = Pattern.compile("<?[^\\s<>@]+@[^\\s<>@]+>?");

    @Inject
    Tenancy tenancy;

    @Inject
    MailTransport transport;

    @Inject
    MailDelivery self;

    @Resource
    ManagedExecutorService executor;

    /** What an attempt sends. */
    public record Attempt(UUID id, String to, String subject, String body) {
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued q) {
        try {
            executor.submit(() -> CallerContext.runAs(Caller.SYSTEM, () -> deliver(q.lgCode(), q.mailId())));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "Mail " + q.mailId() + " left for the retry job", e);
        }
    }

    /** One attempt at {@code mailId} if it is due; whether it was sent. Never throws. */
    public boolean deliver(String lgCode, UUID mailId) {
        Attempt a;
        try {
            a = self.claim(lgCode, mailId);
        } catch (RuntimeException lost) {
            // Another node or thread claimed it first (optimistic lock): that one sends it.
            return false;
        }
        if (a == null) {
            return false;
        }
        String error = null;
        try {
            transport.send(a.to(), a.subject(), a.body());
        } catch (MessagingException | RuntimeException e) {
            error = reason(e);
            LOG.warning(() -> "Mail " + mailId + " of " + lgCode + " not sent: " + reason(e));
        }
        try {
            self.record(lgCode, mailId, error);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recording the attempt at mail " + mailId + " failed", e);
        }
        return error == null;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Attempt claim(String lgCode, UUID mailId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OutboxMail m = tenancy.bind(lgCode).find(OutboxMail.class, mailId);
        if (m == null || !m.due(now)) {
            return null;
        }
        m.startAttempt(now);
        tenancy.em().flush();
        return new Attempt(m.getId(), m.getRecipient(), m.getSubject(), m.getBody());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String lgCode, UUID mailId, String error) {
        OutboxMail m = tenancy.bind(lgCode).find(OutboxMail.class, mailId);
        if (m == null) {
            return;
        }
        if (error == null) {
            m.sent(OffsetDateTime.now(ZoneOffset.UTC));
        } else {
            m.attemptFailed(error);
        }
    }

    /** The ids of {@code lgCode}'s mails due for an attempt, oldest first, at most {@code max}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> due(String lgCode, int max) {
        return tenancy.bind(lgCode).createNamedQuery("OutboxMail.due", UUID.class)
                .setParameter("pending", OutboxMail.Status.PENDING).setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .setMaxResults(max).getResultList();
    }

    /** Why an attempt failed, for administrators: the exception chain, with any address masked. */
    static String reason(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null && s.length() < 400; t = t.getCause()) {
            if (!s.isEmpty()) {
                s.append(" / ");
            }
            s.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                s.append(": ").append(t.getMessage().strip());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return ADDRESS.matcher(s.toString().replaceAll("[\\r\\n]+", " ")).replaceAll(Masking.HIDDEN_TEXT);
    }
}
