package jp.machi.core.mail.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.mail.MailQueued;
import jp.machi.core.mail.domain.OutboxMail;
import jp.machi.core.persistence.Tenancy;

/** The municipality's outbox, for its administrators. */
@ApplicationScoped
@Transactional
public class Outbox {

    @Inject
    Tenancy tenancy;

    @Inject
    Event<MailQueued> queued;

    /** Newest first, optionally one status only, paged in the database. */
    public Page<OutboxMail> list(OutboxMail.Status status, PageRequest paging) {
        var em = tenancy.em();
        var count = em.createNamedQuery(status == null ? "OutboxMail.count" : "OutboxMail.countByStatus", Long.class);
        var page = em.createNamedQuery(status == null ? "OutboxMail.page" : "OutboxMail.pageByStatus", OutboxMail.class);
        if (status != null) {
            count.setParameter("status", status);
            page.setParameter("status", status);
        }
        List<OutboxMail> items = page.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        return new Page<>(items, paging.page(), paging.size(), count.getSingleResult());
    }

    public OutboxMail require(UUID id) {
        OutboxMail m = tenancy.em().find(OutboxMail.class, id);
        if (m == null) {
            throw ApiException.notFound("mail.notFound", id.toString());
        }
        return m;
    }

    /** Removes recipient and body of {@code lgCode}'s mails finished before {@code before}; how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int anonymiseBefore(String lgCode, OffsetDateTime before) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int n = 0;
        for (OutboxMail m : tenancy.bind(lgCode).createNamedQuery("OutboxMail.expired", OutboxMail.class)
                .setParameter("pending", OutboxMail.Status.PENDING).setParameter("before", before).getResultList()) {
            if (m.anonymise(now)) {
                n++;
            }
        }
        return n;
    }

    /** Pending again (a failed mail only; one whose data was anonymised cannot be sent). */
    public OutboxMail retry(OutboxMail m) {
        if (m.getStatus() != OutboxMail.Status.FAILED || m.getRecipient() == null) {
            throw ApiException.conflict("mail-not-failed", "mail.retryNotFailed");
        }
        m.retry(OffsetDateTime.now(ZoneOffset.UTC));
        tenancy.em().flush();
        queued.fire(new MailQueued(tenancy.code(), m.getId()));
        return m;
    }
}
