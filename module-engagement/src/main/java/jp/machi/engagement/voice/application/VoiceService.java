package jp.machi.engagement.voice.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.calendar.Deadline;
import jp.machi.core.calendar.application.BusinessCalendars;
import jp.machi.core.intake.Intake;
import jp.machi.core.intake.IntakeSeries;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.module.ModuleSettings;
import jp.machi.engagement.EngagementModule;
import jp.machi.engagement.voice.domain.Channel;
import jp.machi.engagement.voice.domain.CitizenVoice;
import jp.machi.engagement.voice.domain.VoiceStatus;

/** Citizen voices of the municipality a request or transaction is about. */
@ApplicationScoped
@Transactional
public class VoiceService {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** Citizen voices' receipt numbers: V-R8-000123 (core's public intake). */
    public static final IntakeSeries SERIES = new IntakeSeries("engagement.voices", "V");

    @Inject
    Tenancy tenancy;

    @Inject
    jp.machi.core.observe.Observations observations;

    @Inject
    OrganizationService organization;

    @Inject
    ModuleSettings settings;

    @Inject
    BusinessCalendars calendars;

    @Inject
    PublicIntake intake;

    @Inject
    VoiceRoutings routings;

    /** What a list may be narrowed to. */
    public record Filter(VoiceStatus status, Boolean overdue, UUID unitId, boolean spam) {
    }

    /** The fields a list of voices may be sorted by ({@code ?sort=}); newest first by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("receivedAt", "v.receivedAt")
            .field("receiptNumber", "v.receiptNumber")
            .field("subject", "v.subject")
            .field("status", "v.status")
            .field("answerDue", "v.answerDue")
            .nullable("category", "v.category")
            .byDefault("-receivedAt");

    /** The fields the published voices may be sorted by; latest publication first by default. */
    public static final Sort.Fields PUBLISHED_SORT = Sort.Fields.of()
            .nullable("publishedAt", "v.publishedAt")
            .field("receivedAt", "v.receivedAt")
            .field("subject", "v.subject")
            .byDefault("-publishedAt");

    /**
     * The voices matching {@code f}, in {@code sort} order, as a query run in the database (page it,
     * or stream it for an export). Overdue: still open (受付, 担当課回答中) and due before today in Japan.
     */
    public ListQuery<CitizenVoice> list(Filter f, Sort sort) {
        List<VoiceStatus> open = Arrays.stream(VoiceStatus.values()).filter(VoiceStatus::open).toList();
        LocalDate today = today();
        List<UUID> shared = f.unitId() == null ? List.of() : routings.sharedWith(f.unitId());
        return ListQuery.of(tenancy.em(), CitizenVoice.class, "v")
                .always(f.spam() ? "v.spam = TRUE" : "v.spam = FALSE")
                .where("v.status = :status", "status", f.status())
                .when(f.unitId() != null && shared.isEmpty(), "v.unitId = :unitId", "unitId", f.unitId())
                .when(!shared.isEmpty(), "(v.unitId = :unitId OR v.id IN :shared)", "unitId", f.unitId(), "shared", shared)
                .when(Boolean.TRUE.equals(f.overdue()), "v.status IN :open AND v.answerDue < :today",
                        "open", open, "today", today)
                .when(Boolean.FALSE.equals(f.overdue()), "(v.status NOT IN :open OR v.answerDue >= :today)",
                        "open", open, "today", today)
                .orderBy(sort);
    }

    /** The published voices, in {@code sort} order, as a query run in the database. */
    public ListQuery<CitizenVoice> published(Sort sort) {
        return ListQuery.of(tenancy.em(), CitizenVoice.class, "v").always("v.published = TRUE")
                .always("v.spam = FALSE").orderBy(sort);
    }

    public CitizenVoice require(UUID id) {
        CitizenVoice v = tenancy.em().find(CitizenVoice.class, id);
        if (v == null) {
            throw ApiException.notFound("engagement.voice.notFound", id.toString());
        }
        return v;
    }

    /** Receives a voice that came otherwise than through public intake (demo data): a receipt number of its own. */
    public CitizenVoice receive(OffsetDateTime receivedAt, Channel channel, String category, String subject,
            String body, CitizenVoice.Sender sender) {
        return receive(intake.number(SERIES, receivedAt), channel, category, subject, body, sender);
    }

    /**
     * Receives a voice accepted by public intake: its receipt number and time, filed as spam if the
     * honeypot caught it; the answer deadline from the municipality's setting.
     */
    public CitizenVoice receive(Intake in, Channel channel, String category, String subject,
            String body, CitizenVoice.Sender sender) {
        OffsetDateTime receivedAt = in.receivedAt();
        LocalDate receivedOn = receivedAt.atZoneSameInstant(JAPAN).toLocalDate();
        CitizenVoice v = new CitizenVoice(in.receiptNumber(), receivedAt, channel, category, subject, body,
                sender, calendars.due(tenancy.code(), receivedOn, answerDeadline()));
        if (in.spam()) {
            v.markAsSpam();
        }
        tenancy.em().persist(v);
        tenancy.em().flush();
        if (!in.spam()) {
            observations.count("machi_voices_received", "Citizen voices received (not spam), per municipality and channel",
                    "municipality", tenancy.code(), "channel", channel.name());
        }
        return v;
    }

    public CitizenVoice handle(CitizenVoice v, CitizenVoice.Handling h) {
        if (h.unitId() != null && organization.find(h.unitId()).isEmpty()) {
            throw new ApiException(400, "invalid-reference",
                    List.of(new ApiException.FieldErrorKey("unitId", "engagement.voice.unitNotFound", h.unitId())),
                    "problem.validation.detail");
        }
        UUID lead = v.getUnitId();
        v.handle(h, OffsetDateTime.now(ZoneOffset.UTC));
        if (!java.util.Objects.equals(lead, h.unitId())) {
            routings.leadChanged(v, lead, h.unitId());
        }
        tenancy.em().flush();
        return v;
    }

    /** Staff found a voice filed as spam is none: it joins the normal list (409 if it was no spam). */
    public CitizenVoice releaseFromSpam(CitizenVoice v) {
        if (!v.releaseFromSpam()) {
            throw ApiException.conflict("voice-not-spam", "engagement.voice.notSpam", v.getReceiptNumber());
        }
        tenancy.em().flush();
        return v;
    }

    /**
     * Refuses (409) a voice whose answer is not final, so not to be sent to the resident: there
     * must be an answer, approved (決裁済み, the voice-answer workflow).
     */
    public void requireAnswerSendable(CitizenVoice v) {
        if (v.getAnswer() == null || !v.isAnswerApproved()) {
            throw ApiException.conflict("answer-not-sendable", "engagement.voice.answerNotSendable");
        }
    }

    /** Writes pending changes now, so a response carries the raised version. */
    public void flush() {
        tenancy.em().flush();
    }

    public Optional<String> unitName(UUID unitId) {
        return unitId == null ? Optional.empty() : organization.find(unitId).map(OrganizationUnit::getNameJa);
    }

    /** 回答期限: the municipality's settings, days (declared default 40) counted as calendar or business days. */
    public Deadline answerDeadline() {
        return Deadline.of(answerDeadlineDays(),
                settings.get(tenancy.code(), EngagementModule.ID, EngagementModule.ANSWER_DEADLINE_UNIT));
    }

    /** 回答期限 (日): the municipality's module setting (declared default 40). */
    public int answerDeadlineDays() {
        return (int) settings.integer(tenancy.code(), EngagementModule.ID, EngagementModule.ANSWER_DEADLINE_DAYS);
    }

    public static LocalDate today() {
        return LocalDate.now(JAPAN);
    }
}
