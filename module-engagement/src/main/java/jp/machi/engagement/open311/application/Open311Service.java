package jp.machi.engagement.open311.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.i18n.Messages;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.open311.domain.Open311Request;
import jp.machi.engagement.voice.application.VoiceCategoryService;
import jp.machi.engagement.voice.application.VoiceMails;
import jp.machi.engagement.voice.application.VoiceService;
import jp.machi.engagement.voice.domain.Channel;
import jp.machi.engagement.voice.domain.CitizenVoice;
import jp.machi.engagement.voice.domain.VoiceCategory;
import jp.machi.engagement.voice.domain.VoiceStatus;

/**
 * Open311 GeoReport v2 of the municipality a request is about: its services (the voice categories
 * it opens to Open311), service requests posted by clients (citizen voices of channel OPEN311,
 * through core's public intake) and the requests it shows — never anything about the sender.
 */
@ApplicationScoped
@Transactional
public class Open311Service {

    /** The most rows a GET requests answers, and the longest window, as the specification sets them. */
    public static final int MAX_ROWS = 1000;
    public static final int WINDOW_DAYS = 90;

    @Inject
    Tenancy tenancy;

    @Inject
    VoiceCategoryService categories;

    @Inject
    VoiceService voices;

    @Inject
    VoiceMails mails;

    @Inject
    PublicIntake intake;

    /** A service request as GET requests shows it (no sender data exists in it). */
    public record RequestRow(String serviceRequestId, String status, String statusNotes, String serviceName,
            String serviceCode, String description, String agencyResponsible, OffsetDateTime requested,
            OffsetDateTime updated, OffsetDateTime expected, String address, String addressId, Double lat, Double lon,
            String mediaUrl) {
    }

    /** GET requests' filters, already checked; ids given override the rest. */
    public record Query(List<String> ids, String serviceCode, OffsetDateTime from, OffsetDateTime to,
            List<VoiceStatus> statuses) {
    }

    /** A POSTed service request, checked. */
    public record Submission(UUID keyId, String serviceCode, Double lat, Double lon, String addressString,
            String addressId, String email, String name, String phone, String description, String mediaUrl,
            Map<String, String> attributes) {
    }

    /** What the client gets back (the receipt number is the service_request_id). */
    public record Receipt(String service_request_id, String service_notice) {
    }

    public List<VoiceCategory> services() {
        return categories.open311Services();
    }

    /** The service with that code (404 unless active and open to Open311). */
    public VoiceCategory service(String code) {
        return categories.byCode(code).filter(VoiceCategory::isOpen311Service)
                .orElseThrow(() -> ApiException.notFound("engagement.open311.serviceNotFound", code));
    }

    /**
     * Accepts a service request through public intake (rate limit, Idempotency-Key): a citizen
     * voice of channel OPEN311 in the service's category, the details beside it; a receipt e-mail
     * when the client gave an address. The intake's answer (201 with the receipt, a replay, 429).
     */
    public Response submit(HttpHeaders headers, Submission s, Locale language) {
        return intake.accept(headers, VoiceService.SERIES, s, null, in -> {
            VoiceCategory service = categories.byCode(s.serviceCode()).filter(VoiceCategory::isOpen311Service)
                    .orElseThrow(() -> ApiException.invalid(List.of(new ApiException.FieldErrorKey("service_code",
                            "engagement.open311.serviceNotFound", s.serviceCode()))));
            CitizenVoice v = voices.receive(in, Channel.OPEN311, null, subject(service, s), body(s),
                    new CitizenVoice.Sender(s.name(), null, s.phone(), s.email(), false));
            v.categorise(service.getId());
            tenancy.em().persist(new Open311Request(v.getId(), s.lat(), s.lon(), s.addressString(), s.addressId(),
                    s.mediaUrl(), s.keyId()));
            tenancy.em().flush();
            mails.receipt(v, language);
            return new Receipt(v.getReceiptNumber(), Messages.get(language, "engagement.open311.serviceNotice",
                    v.getAnswerDue().toString()));
        });
    }

    /** The requests matching {@code q}, newest first, at most {@link #MAX_ROWS}, read in the database. */
    public List<RequestRow> requests(Query q, boolean english) {
        List<VoiceCategory> open = tenancy.em().createQuery("SELECT c FROM VoiceCategory c WHERE c.open311 = TRUE",
                VoiceCategory.class).getResultList();
        Map<UUID, VoiceCategory> byId = open.stream().collect(Collectors.toMap(VoiceCategory::getId, c -> c));
        List<UUID> ids = new ArrayList<>(byId.keySet());
        if (q.ids() == null && q.serviceCode() != null) {
            ids = open.stream().filter(c -> c.getCode().equals(q.serviceCode())).map(VoiceCategory::getId).toList();
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        ListQuery<CitizenVoice> query = ListQuery.of(tenancy.em(), CitizenVoice.class, "v")
                .always("v.spam = FALSE").always("v.categoryId IN :categories", "categories", ids);
        if (q.ids() != null) {
            query.always("v.receiptNumber IN :ids", "ids", q.ids());
        } else {
            query.always("v.receivedAt >= :from AND v.receivedAt <= :to", "from", q.from(), "to", q.to());
            query.when(q.statuses() != null, "v.status IN :statuses", "statuses", q.statuses());
        }
        List<CitizenVoice> rows = query.orderBy(Sort.Fields.of().field("receivedAt", "v.receivedAt")
                .byDefault("-receivedAt").parse(null)).list(0, MAX_ROWS);
        Map<UUID, Open311Request> details = new HashMap<>();
        if (!rows.isEmpty()) {
            tenancy.em().createQuery("SELECT r FROM Open311Request r WHERE r.voiceId IN :ids", Open311Request.class)
                    .setParameter("ids", rows.stream().map(CitizenVoice::getId).toList()).getResultList()
                    .forEach(r -> details.put(r.getVoiceId(), r));
        }
        Map<UUID, Optional<String>> units = new HashMap<>();
        return rows.stream().map(v -> row(v, byId.get(v.getCategoryId()), details.get(v.getId()),
                units.computeIfAbsent(v.getUnitId() == null ? new UUID(0, 0) : v.getUnitId(),
                        u -> voices.unitName(v.getUnitId())).orElse(null), english)).toList();
    }

    /**
     * One request as anyone sees it: status open or closed, the description (its subject) and the
     * status notes (the published summary) only once staff published the voice; never the sender.
     */
    static RequestRow row(CitizenVoice v, VoiceCategory c, Open311Request d, String unit, boolean english) {
        OffsetDateTime updated = v.getReceivedAt();
        for (OffsetDateTime t : new OffsetDateTime[] {v.getAnsweredAt(), v.getPublishedAt(), v.getClosedAt()}) {
            if (t != null && t.isAfter(updated)) {
                updated = t;
            }
        }
        LocalDate due = v.getAnswerDue();
        return new RequestRow(v.getReceiptNumber(), v.getStatus().open() ? "open" : "closed",
                v.isPublished() ? v.getPublishedSummary() : null, c.name(english), c.getCode(),
                v.isPublished() ? v.getSubject() : null, unit, japan(v.getReceivedAt()), japan(updated),
                due == null ? null : due.atStartOfDay(VoiceService.JAPAN).toOffsetDateTime(),
                d == null ? null : d.getAddressString(), d == null ? null : d.getAddressId(),
                d == null ? null : d.getLat(), d == null ? null : d.getLon(), d == null ? null : d.getMediaUrl());
    }

    private static OffsetDateTime japan(OffsetDateTime t) {
        return t.atZoneSameInstant(VoiceService.JAPAN).toOffsetDateTime();
    }

    static String subject(VoiceCategory service, Submission s) {
        String where = s.addressString() != null ? s.addressString()
                : s.lat() != null ? s.lat() + ", " + s.lon() : s.addressId();
        String subject = "Open311: " + service.getNameJa() + (where == null ? "" : " (" + where + ")");
        return subject.length() <= 200 ? subject : subject.substring(0, 199) + "…";
    }

    /** The voice's text: the description, then what else the client sent, within the voice's 4,000 characters. */
    static String body(Submission s) {
        StringBuilder tail = new StringBuilder("\n\n[Open311]");
        if (s.addressString() != null) {
            tail.append("\n場所 / Address: ").append(s.addressString());
        }
        if (s.lat() != null) {
            tail.append("\n緯度・経度 / Lat, long: ").append(s.lat()).append(", ").append(s.lon());
        }
        if (s.addressId() != null) {
            tail.append("\n住所ID / Address ID: ").append(s.addressId());
        }
        if (s.mediaUrl() != null) {
            tail.append("\n画像等 / Media: ").append(s.mediaUrl());
        }
        s.attributes().forEach((k, val) -> tail.append("\n").append(k).append(": ").append(val));
        String text = s.description() == null ? "（説明なし / no description）" : s.description();
        int room = 4000 - tail.length();
        if (room < 100) {
            return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
        }
        if (text.length() > room) {
            text = text.substring(0, room - 1) + "…";
        }
        return text + tail;
    }
}
