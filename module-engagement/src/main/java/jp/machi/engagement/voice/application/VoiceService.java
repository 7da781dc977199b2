package jp.machi.engagement.voice.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.organization.domain.OrganizationUnit;
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
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    @Inject
    ModuleSettings settings;

    /** What a list may be narrowed to. */
    public record Filter(VoiceStatus status, Boolean overdue, UUID unitId) {
    }

    public List<CitizenVoice> list(Filter f) {
        LocalDate today = today();
        return tenancy.em().createNamedQuery("CitizenVoice.all", CitizenVoice.class).getResultList().stream()
                .filter(v -> f.status() == null || v.getStatus() == f.status())
                .filter(v -> f.overdue() == null || v.isOverdue(today) == f.overdue())
                .filter(v -> f.unitId() == null || f.unitId().equals(v.getUnitId()))
                .toList();
    }

    public List<CitizenVoice> published() {
        return tenancy.em().createNamedQuery("CitizenVoice.published", CitizenVoice.class).getResultList();
    }

    public CitizenVoice require(UUID id) {
        CitizenVoice v = tenancy.em().find(CitizenVoice.class, id);
        if (v == null) {
            throw ApiException.notFound("engagement.voice.notFound", id.toString());
        }
        return v;
    }

    /** Receives a voice: a receipt number, the answer deadline from the municipality's setting. */
    public CitizenVoice receive(OffsetDateTime receivedAt, Channel channel, String category, String subject,
            String body, CitizenVoice.Sender sender) {
        LocalDate receivedOn = receivedAt.atZoneSameInstant(JAPAN).toLocalDate();
        CitizenVoice v = new CitizenVoice(receiptNumber(receivedOn), receivedAt, channel, category, subject, body,
                sender, receivedOn.plusDays(answerDeadlineDays()));
        tenancy.em().persist(v);
        tenancy.em().flush();
        return v;
    }

    public CitizenVoice handle(CitizenVoice v, CitizenVoice.Handling h) {
        if (h.unitId() != null && organization.find(h.unitId()).isEmpty()) {
            throw new ApiException(400, "invalid-reference",
                    List.of(new ApiException.FieldErrorKey("unitId", "engagement.voice.unitNotFound", h.unitId())),
                    "problem.validation.detail");
        }
        v.handle(h, OffsetDateTime.now(ZoneOffset.UTC));
        tenancy.em().flush();
        return v;
    }

    /**
     * Refuses (409) a voice whose answer is not final, so not to be sent to the resident: there
     * must be an answer and the voice must be answered or closed.
     */
    public void requireAnswerSendable(CitizenVoice v) {
        if (v.getAnswer() == null || !(v.getStatus() == VoiceStatus.ANSWERED || v.getStatus() == VoiceStatus.CLOSED)) {
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

    /** 回答期限 (日): the municipality's module setting (declared default 40). */
    public int answerDeadlineDays() {
        return (int) settings.integer(tenancy.code(), EngagementModule.ID, EngagementModule.ANSWER_DEADLINE_DAYS);
    }

    public static LocalDate today() {
        return LocalDate.now(JAPAN);
    }

    /** V-20250401-K7QX9M: the day it came, and random letters (no count of voices to be read off). */
    private static String receiptNumber(LocalDate day) {
        StringBuilder s = new StringBuilder("V-").append(day.format(DateTimeFormatter.BASIC_ISO_DATE)).append('-');
        for (int i = 0; i < 6; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
