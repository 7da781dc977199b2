package jp.machi.core.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.i18n.Languages;
import jp.machi.core.mail.application.Contacts;
import jp.machi.core.mail.domain.MunicipalityContact;
import jp.machi.core.mail.domain.OutboxMail;
import jp.machi.core.municipality.application.MunicipalityService;
import jp.machi.core.municipality.domain.Municipality;
import jp.machi.core.persistence.Tenancy;

/**
 * How a module sends e-mail: {@link #queue} fills the module's template and writes the mail to
 * the outbox in the caller's transaction, so a request that is refused or rolled back sends
 * nothing, and the request never waits for the SMTP server. Delivery starts when that transaction
 * commits; failures are retried by the {@code core.mail-retry} job.
 *
 * <p>Every template also gets {@code ${municipality}} (the name in the mail's language) and
 * {@code ${contact}} (the office, phone and e-mail its administrator set, one per line).
 */
@ApplicationScoped
@Transactional
public class Mailer {

    @Inject
    Tenancy tenancy;

    @Inject
    MunicipalityService municipalities;

    @Inject
    Contacts contacts;

    @Inject
    Event<MailQueued> queued;

    /**
     * Queues a mail to {@code to} from template {@code mail/<moduleId>/<template>} in
     * {@code locale}'s language (English for {@code en}, else Japanese).
     *
     * @param reference what the mail is about, e.g. {@code engagement_voice:<id>} (no personal
     *     data), so that later mail about it can keep to the language of the first
     * @return the mail's id
     */
    public UUID queue(Class<?> module, String moduleId, String template, Locale locale, String to, String reference,
            Map<String, String> values) {
        boolean en = Languages.isEnglish(locale);
        Municipality m = municipalities.require(tenancy.code());
        MunicipalityContact c = contacts.find().orElse(null);
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("municipality", en ? m.getNameEn() : m.getNameJa());
        all.put("contact", contactBlock(en ? m.getNameEn() : m.getNameJa(), c, en));
        MailTemplates.Rendered r = MailTemplates.render(module.getClassLoader(), moduleId, template, en, all);
        OutboxMail mail = new OutboxMail(moduleId, template, en ? "en" : "ja", reference,
                jp.machi.core.personaldata.ResidentQuery.email(to), r.subject(), r.body(),
                OffsetDateTime.now(ZoneOffset.UTC));
        tenancy.em().persist(mail);
        tenancy.em().flush();
        queued.fire(new MailQueued(tenancy.code(), mail.getId()));
        return mail.getId();
    }

    /** The language of the latest mail about {@code reference}, if any was sent. */
    public Optional<Locale> languageOf(String reference) {
        return tenancy.em().createNamedQuery("OutboxMail.languageOf", String.class).setParameter("reference", reference)
                .setMaxResults(1).getResultList().stream().findFirst().map(Locale::forLanguageTag);
    }

    /** How many mails about {@code reference} are waiting, sent and failed: counted in the database. */
    public record Counts(long waiting, long sent, long failed) {
    }

    /** The mails about {@code reference} (e.g. a newsletter's, one per member) by where they stand. */
    public Counts countsOf(String reference) {
        Map<OutboxMail.Status, Long> by = new java.util.EnumMap<>(OutboxMail.Status.class);
        for (Object[] row : tenancy.em().createNamedQuery("OutboxMail.statusOf", Object[].class)
                .setParameter("reference", reference).getResultList()) {
            by.put((OutboxMail.Status) row[0], ((Number) row[1]).longValue());
        }
        return new Counts(by.getOrDefault(OutboxMail.Status.PENDING, 0L), by.getOrDefault(OutboxMail.Status.SENT, 0L),
                by.getOrDefault(OutboxMail.Status.FAILED, 0L));
    }

    static String contactBlock(String municipality, MunicipalityContact c, boolean en) {
        StringBuilder s = new StringBuilder(municipality);
        if (c != null) {
            if (c.getOffice() != null) {
                s.append(' ').append(c.getOffice());
            }
            if (c.getPhone() != null) {
                s.append('\n').append(en ? "Phone: " : "電話: ").append(c.getPhone());
            }
            if (c.getEmail() != null) {
                s.append('\n').append(en ? "E-mail: " : "メール: ").append(c.getEmail());
            }
        }
        return s.toString();
    }
}
