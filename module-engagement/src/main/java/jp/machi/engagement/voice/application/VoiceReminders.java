package jp.machi.engagement.voice.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.calendar.application.BusinessCalendars;
import jp.machi.core.identity.user.application.UserAccountService;
import jp.machi.core.identity.user.domain.UserAccount;
import jp.machi.core.mail.Mailer;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.EngagementModule;
import jp.machi.engagement.voice.domain.CitizenVoice;
import jp.machi.engagement.voice.domain.VoiceReminder;
import jp.machi.engagement.voice.domain.VoiceStatus;

/**
 * The deadline reminders of one municipality's citizen voices (the daily {@link VoiceOverdueJob}):
 * <ul>
 * <li>a warning to the lead unit's staff when the answer deadline is three business days away or
 * nearer (the municipality's business calendar), still unanswered;</li>
 * <li>an escalation the day after the deadline passed unanswered, to the lead unit's head (holders
 * of {@value EngagementModule#UNIT_HEAD} in that unit) and the staff of the 広聴 office (the unit
 * whose code the setting {@value EngagementModule#HEARING_OFFICE_UNIT} names).</li>
 * </ul>
 * Each by e-mail through the outbox (to the people with an address) and as a task list group; each
 * stage at most once per voice (a row per voice and stage under a unique key, written in the same
 * transaction as the mail). The mail holds the receipt number, subject, unit and deadline: nothing
 * about the sender.
 */
@ApplicationScoped
public class VoiceReminders {

    private static final Logger LOG = Logger.getLogger(VoiceReminders.class.getName());

    /** Business days before the deadline the warning goes out. */
    public static final int WARNING_BUSINESS_DAYS = 3;

    private static final List<VoiceStatus> OPEN = List.of(VoiceStatus.RECEIVED, VoiceStatus.IN_PROGRESS);

    @Inject
    Tenancy tenancy;

    @Inject
    BusinessCalendars calendars;

    @Inject
    Mailer mailer;

    @Inject
    UserAccountService users;

    @Inject
    ModuleSettings settings;

    /** What one run did in one municipality. */
    public record Sent(int warnings, int escalations) {
    }

    /** Sends the reminders due {@code today} in municipality {@code lgCode}, in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Sent run(String lgCode, LocalDate today) {
        EntityManager em = tenancy.bind(lgCode);
        LocalDate warnUntil;
        try {
            warnUntil = calendars.of(lgCode).addBusinessDays(today, WARNING_BUSINESS_DAYS);
        } catch (RuntimeException e) {
            // Outside the calendar's range: count calendar days instead.
            LOG.log(Level.FINE, "Business calendar unavailable, counting calendar days", e);
            warnUntil = today.plusDays(WARNING_BUSINESS_DAYS);
        }
        List<UserAccount> people = users.ofMunicipality(lgCode).stream().filter(UserAccount::isActive).toList();
        Optional<UUID> office = officeUnit(em, lgCode, today);
        int warnings = 0;
        for (CitizenVoice v : candidates(em, "v.unitId IS NOT NULL AND v.answerDue >= :today AND v.answerDue <= :until",
                today, warnUntil, VoiceReminder.Stage.WARNING)) {
            Set<String> to = new LinkedHashSet<>();
            people.stream().filter(u -> v.getUnitId().equals(u.getUnitId())).forEach(u -> addEmail(to, u));
            send(em, v, VoiceReminder.Stage.WARNING, "voice-due-soon", to);
            warnings++;
        }
        int escalations = 0;
        for (CitizenVoice v : candidates(em, "v.answerDue < :today", today, null, VoiceReminder.Stage.ESCALATION)) {
            Set<String> to = new LinkedHashSet<>();
            people.stream().filter(u -> v.getUnitId() != null && v.getUnitId().equals(u.getUnitId())
                    && u.getModuleRoles().contains(EngagementModule.UNIT_HEAD)).forEach(u -> addEmail(to, u));
            office.ifPresent(o -> people.stream().filter(u -> o.equals(u.getUnitId())).forEach(u -> addEmail(to, u)));
            send(em, v, VoiceReminder.Stage.ESCALATION, "voice-overdue", to);
            escalations++;
        }
        em.flush();
        return new Sent(warnings, escalations);
    }

    /** The open voices matching {@code where} that have not had {@code stage} yet. */
    private static List<CitizenVoice> candidates(EntityManager em, String where, LocalDate today, LocalDate until,
            VoiceReminder.Stage stage) {
        Set<UUID> done = new HashSet<>(em.createQuery("SELECT r.voiceId FROM VoiceReminder r WHERE r.stage = :stage",
                UUID.class).setParameter("stage", stage).getResultList());
        var q = em.createQuery("SELECT v FROM CitizenVoice v WHERE v.status IN :open AND v.spam = FALSE AND " + where
                + " ORDER BY v.answerDue, v.receiptNumber", CitizenVoice.class).setParameter("open", OPEN)
                .setParameter("today", today);
        if (until != null) {
            q.setParameter("until", until);
        }
        return q.getResultList().stream().filter(v -> !done.contains(v.getId())).toList();
    }

    private void send(EntityManager em, CitizenVoice v, VoiceReminder.Stage stage, String template, Set<String> to) {
        em.persist(new VoiceReminder(v.getId(), stage, v.getAnswerDue(), OffsetDateTime.now(ZoneOffset.UTC), to.size()));
        em.flush();
        String unit = v.getUnitId() == null ? "（未割当）"
                : Optional.ofNullable(em.find(OrganizationUnit.class, v.getUnitId())).map(OrganizationUnit::getNameJa)
                        .orElse("");
        for (String address : to) {
            mailer.queue(EngagementModule.class, EngagementModule.ID, template, Locale.JAPANESE, address,
                    "engagement_voice_reminder:" + v.getId(), Map.of("receiptNumber", v.getReceiptNumber(),
                            "subject", v.getSubject(), "answerDue", v.getAnswerDue().toString(), "unit", unit));
        }
    }

    private static void addEmail(Set<String> to, UserAccount u) {
        if (u.getEmail() != null && !u.getEmail().isBlank()) {
            to.add(u.getEmail());
        }
    }

    /** The 広聴 office: the unit valid today whose code the module setting names, if any. */
    private Optional<UUID> officeUnit(EntityManager em, String lgCode, LocalDate today) {
        String code = settings.get(lgCode, EngagementModule.ID, EngagementModule.HEARING_OFFICE_UNIT);
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery("OrganizationUnit.byCodeOn", OrganizationUnit.class).setParameter("code", code.strip())
                .setParameter("date", today).getResultList().stream().findFirst().map(OrganizationUnit::getId);
    }

    /** Whether {@code unitId} is the 広聴 office of the current municipality. */
    public boolean isOfficeUnit(UUID unitId, LocalDate today) {
        return officeUnit(tenancy.em(), tenancy.code(), today).filter(unitId::equals).isPresent();
    }

    /** The voices with a reminder of {@code stage} (for the task list). */
    public List<UUID> remindedOf(VoiceReminder.Stage stage) {
        return tenancy.em().createQuery("SELECT r.voiceId FROM VoiceReminder r WHERE r.stage = :stage", UUID.class)
                .setParameter("stage", stage).getResultList();
    }
}
