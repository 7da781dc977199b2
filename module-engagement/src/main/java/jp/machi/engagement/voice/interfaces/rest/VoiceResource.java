package jp.machi.engagement.voice.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataDisclosure;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.engagement.voice.application.VoiceCategoryService;
import jp.machi.engagement.voice.application.VoiceMails;
import jp.machi.engagement.voice.application.VoiceRoutings;
import jp.machi.engagement.voice.application.VoiceService;
import jp.machi.engagement.voice.domain.AnswerState;
import jp.machi.engagement.voice.domain.Channel;
import jp.machi.engagement.voice.domain.CitizenVoice;
import jp.machi.engagement.voice.domain.VoiceCategory;
import jp.machi.engagement.voice.domain.VoiceStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/engagement/voices}: citizen voices (市民の声). Anyone may
 * send one and read the published ones; staff handle them. The sender's data is marked
 * {@link PersonalData}: core masks it in every response (absent on public endpoints), and only
 * {@code ?reveal=personal-data} shows it in full, to staff, recorded in the audit trail.
 */
@Path("municipalities/{lgCode}/engagement/voices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "engagement")
public class VoiceResource {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    VoiceService voices;

    @Inject
    PersonalDataDisclosure disclosure;

    @Inject
    PublicIntake intake;

    @Inject
    Exports exports;

    @Inject
    VoiceMails mails;

    @Inject
    VoiceCategoryService categories;

    @Inject
    VoiceRoutings routings;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    /** A voice as staff see it; the sender's data masked unless revealed. */
    @JsonbPropertyOrder({"id", "receiptNumber", "receivedAt", "channel", "category", "subject", "body", "senderName",
        "senderAddress", "senderPhone", "senderEmail", "wantsReply", "unitId", "unitName", "status", "answerDue",
        "overdue", "answer", "answeredAt", "published", "publishedSummary", "publishedAt", "closedAt", "anonymisedAt",
        "spam", "answerEmailedAt", "categoryId", "categoryName", "writtenAnswerRequired", "coUnits"})
    public record VoiceView(UUID id, String receiptNumber, OffsetDateTime receivedAt, Channel channel, String category,
            String subject, String body,
            @PersonalData(PersonalData.Kind.NAME) String senderName,
            @PersonalData(PersonalData.Kind.ADDRESS) String senderAddress,
            @PersonalData(PersonalData.Kind.PHONE) String senderPhone,
            @PersonalData(PersonalData.Kind.EMAIL) String senderEmail,
            boolean wantsReply, UUID unitId, String unitName, VoiceStatus status, LocalDate answerDue, boolean overdue,
            String answer, OffsetDateTime answeredAt, boolean published, String publishedSummary,
            OffsetDateTime publishedAt, OffsetDateTime closedAt, OffsetDateTime anonymisedAt, boolean spam,
            OffsetDateTime answerEmailedAt, UUID categoryId, String categoryName, boolean writtenAnswerRequired,
            List<CoUnitView> coUnits) {
    }

    /**
     * A unit sharing the voice with the lead unit (共管課): in one voice's answer; lists leave them out
     * (null), the routing answer ({@code …/routing}) has them with their history.
     */
    @JsonbPropertyOrder({"id", "name"})
    public record CoUnitView(UUID id, String name) {
    }

    /** A published voice as anyone sees it: never anything about the sender. */
    @JsonbPropertyOrder({"id", "receivedOn", "category", "subject", "summary", "answer", "answeredOn", "unitName",
        "publishedOn"})
    public record PublishedVoiceView(UUID id, LocalDate receivedOn, String category, String subject, String summary,
            String answer, LocalDate answeredOn, String unitName, LocalDate publishedOn) {
    }

    /** What the sender gets back: the receipt, nothing of what they sent. */
    @JsonbPropertyOrder({"receiptNumber", "receivedOn", "answerDue"})
    public record Receipt(String receiptNumber, LocalDate receivedOn, LocalDate answerDue) {
    }

    /** A voice as sent by a resident (or registered by staff, who may also give channel and date). */
    public static class Submission {
        @Size(max = 100)
        public String category;

        @NotBlank
        @Size(max = 200)
        public String subject;

        @NotBlank
        @Size(max = 4000)
        public String body;

        @Size(max = 100)
        public String name;

        @Size(max = 300)
        public String address;

        @Size(max = 40)
        public String phone;

        @Size(max = 254)
        public String email;

        public Boolean wantsReply;

        /** Staff only: how it came (default: web form). */
        public Channel channel;

        /** Staff only: the day it came (default: now); the answer deadline counts from it. */
        public LocalDate receivedOn;

        /** One of the municipality's active categories (voice-categories/public). */
        public UUID categoryId;
        /** Staff only: whether it needs a written answer (default: whether the sender wants an answer). */
        public Boolean writtenAnswerRequired;

        /** The honeypot: hidden from people in the portal's form; filled, the voice is filed as spam. */
        public String website;
    }

    /** How staff handle a voice: routing, answer, status, publication (never the sender's data). */
    public static class Handling {
        @NotNull
        public Channel channel;

        @Size(max = 100)
        public String category;

        @NotBlank
        @Size(max = 200)
        public String subject;

        @NotBlank
        @Size(max = 4000)
        public String body;

        public UUID unitId;

        @NotNull
        public VoiceStatus status;

        @NotNull
        public LocalDate answerDue;

        @Size(max = 4000)
        public String answer;

        @NotNull
        public Boolean published;

        @Size(max = 2000)
        public String publishedSummary;

        /** One of the municipality's categories (an inactive one only if the voice carries it already). */
        public UUID categoryId;
        /** Whether it needs a written answer (文書等による回答); left out: unchanged. */
        public Boolean writtenAnswerRequired;
    }

    @POST
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Send a citizen voice (anyone; answers 201 with a receipt number only). Idempotency-Key"
            + " header: a retry gives the first answer; over the municipality's rate limit 429")
    @Answers(value = Receipt.class, status = 201)
    public Response submit(@Valid Submission body) {
        Bodies.require(body);
        boolean staff = CallerContext.current().filter(c -> c.has(Role.STAFF)).isPresent();
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (!staff && body.channel != null) {
            errors.add(new ApiException.FieldErrorKey("channel", "engagement.voice.staffOnly"));
        }
        if (!staff && body.receivedOn != null) {
            errors.add(new ApiException.FieldErrorKey("receivedOn", "engagement.voice.staffOnly"));
        }
        if (!staff && body.writtenAnswerRequired != null) {
            errors.add(new ApiException.FieldErrorKey("writtenAnswerRequired", "engagement.voice.staffOnly"));
        }
        if (body.receivedOn != null && body.receivedOn.isAfter(VoiceService.today())) {
            errors.add(new ApiException.FieldErrorKey("receivedOn", "engagement.voice.receivedInFuture"));
        }
        String email = blankToNull(body.email);
        String phone = blankToNull(body.phone);
        String address = blankToNull(body.address);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new ApiException.FieldErrorKey("email", "engagement.voice.emailMalformed"));
        }
        String digits = ResidentQuery.phoneDigits(phone);
        if (phone != null && (digits == null || digits.length() < 6 || digits.length() > 15
                || !phone.matches("[0-9０-９\\-－ー()（）+＋ 　]+"))) {
            errors.add(new ApiException.FieldErrorKey("phone", "engagement.voice.phoneMalformed"));
        }
        boolean wantsReply = Boolean.TRUE.equals(body.wantsReply);
        if (wantsReply && email == null && phone == null && address == null) {
            errors.add(new ApiException.FieldErrorKey("wantsReply", "engagement.voice.contactNeeded"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        OffsetDateTime receivedAt = body.receivedOn == null ? null
                : body.receivedOn.atStartOfDay(VoiceService.JAPAN).toOffsetDateTime();
        Locale language = Problems.locale(headers);
        return intake.accept(headers, VoiceService.SERIES, body, body.website, receivedAt, in -> {
            // Inside: the intake's gate runs before this transaction first uses the database.
            UUID categoryId = categories.reference("categoryId", body.categoryId, null);
            CitizenVoice v = voices.receive(in, body.channel == null ? Channel.WEB_FORM : body.channel,
                    blankToNull(body.category), body.subject.strip(), body.body.strip(),
                    new CitizenVoice.Sender(blankToNull(body.name), address, phone, email, wantsReply));
            v.categorise(categoryId);
            if (body.writtenAnswerRequired != null) {
                v.requireWrittenAnswer(body.writtenAnswerRequired);
            }
            if (!v.isSpam()) {
                // A honeypot catch gets no mail: a bot must not use the form to send mail to others.
                mails.receipt(v, language);
            }
            return new Receipt(v.getReceiptNumber(), v.getReceivedAt().atZoneSameInstant(VoiceService.JAPAN).toLocalDate(),
                    v.getAnswerDue());
        });
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, jp.machi.core.api.Xlsx.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List citizen voices, newest first (filters: status, overdue, unitId, categoryId, spam=true for those"
            + " filed as spam instead of the others; ?sort= receivedAt, receiptNumber, subject, status, answerDue,"
            + " category, - for descending; paged in the database; CSV with ?format=csv, xlsx with ?format=xlsx (dates in"
            + " wareki for Japanese), streamed); the sender's data masked")
    @Answers(value = VoiceView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("status") String status, @QueryParam("overdue") String overdue,
            @QueryParam("unitId") String unitId, @QueryParam("spam") String spam, @QueryParam("sort") String sort,
            @QueryParam("categoryId") String categoryId) {
        VoiceService.Filter filter = filter(status, overdue, unitId, spam);
        UUID category = categoryFilter(categoryId);
        boolean xlsx = jp.machi.core.api.Xlsx.requested(format, headers);
        boolean csv = !xlsx && Csv.requested(format, headers);
        if (!csv && !xlsx) {
            paging.offset();
        }
        ListQuery<CitizenVoice> query = voices.list(filter, VoiceService.SORT.parse(sort))
                .where("v.categoryId = :categoryId", "categoryId", category);
        if (xlsx) {
            Locale l = Problems.locale(headers);
            boolean ja = !"en".equals(l.getLanguage());
            return jp.machi.core.api.Xlsx.stream(Messages.get(l, "engagement.xlsx.voices.file"),
                    Messages.get(l, "engagement.xlsx.voices.sheet"),
                    List.of("receiptNumber", "receivedAt", "channel", "category", "subject", "senderName", "senderPhone",
                            "senderEmail", "senderAddress", "wantsReply", "unitName", "status", "answerDue", "overdue",
                            "answer", "published", "writtenAnswerRequired").stream().map(k -> Messages.get(l, "engagement.csv.voice." + k))
                            .toList(),
                    exports.of(query, this::row), v -> {
                        java.time.ZonedDateTime at = v.receivedAt().atZoneSameInstant(VoiceService.JAPAN);
                        return Arrays.asList(v.receiptNumber(),
                                ja ? jp.machi.core.api.PrintedPages.wareki(at.toLocalDate())
                                        + String.format(" %02d:%02d", at.getHour(), at.getMinute())
                                        : at.toOffsetDateTime().toString(),
                                v.channel().label().in(l), v.categoryName() != null ? v.categoryName() : v.category(),
                                v.subject(), v.senderName(), v.senderPhone(), v.senderEmail(), v.senderAddress(),
                                yesNo(v.wantsReply(), ja), v.unitName(), v.status().label().in(l),
                                v.answerDue() == null ? null : ja ? jp.machi.core.api.PrintedPages.wareki(v.answerDue())
                                        : v.answerDue().toString(),
                                yesNo(v.overdue(), ja), v.answer(), yesNo(v.published(), ja),
                                yesNo(v.writtenAnswerRequired(), ja));
                    });
        }
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("citizen-voices.csv",
                    List.of("receiptNumber", "receivedAt", "channel", "category", "subject", "senderName", "senderPhone",
                            "senderEmail", "senderAddress", "wantsReply", "unitName", "status", "answerDue", "overdue",
                            "answer", "published", "writtenAnswerRequired").stream().map(k -> Messages.get(l, "engagement.csv.voice." + k))
                            .toList(),
                    exports.of(query, this::row), v -> Arrays.asList(v.receiptNumber(),
                            v.receivedAt().atZoneSameInstant(VoiceService.JAPAN).toOffsetDateTime().toString(),
                            v.channel().label().in(l), v.categoryName() != null ? v.categoryName() : v.category(), v.subject(), v.senderName(), v.senderPhone(),
                            v.senderEmail(), v.senderAddress(), v.wantsReply(), v.unitName(), v.status().label().in(l),
                            v.answerDue(), v.overdue(), v.answer(), v.published(), v.writtenAnswerRequired()));
        }
        return Response.ok(query.page(paging).map(this::row)).build();
    }

    @GET
    @Path("published")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Published citizen voices with their answers (anyone; never anything about the sender;"
            + " ?sort= publishedAt, receivedAt, subject)")
    @Answers(value = PublishedVoiceView.class, page = true)
    public Page<PublishedVoiceView> published(@BeanParam PageRequest paging, @QueryParam("sort") String sort) {
        paging.offset();
        return voices.published(VoiceService.PUBLISHED_SORT.parse(sort)).page(paging).map(v -> new PublishedVoiceView(
                v.getId(), v.getReceivedAt().atZoneSameInstant(VoiceService.JAPAN).toLocalDate(),
                categories.find(v.getCategoryId()).map(VoiceCategory::getNameJa).orElse(v.getCategory()),
                v.getSubject(), v.getPublishedSummary(), v.getAnswer(), day(v.getAnsweredAt()),
                voices.unitName(v.getUnitId()).orElse(null), day(v.getPublishedAt())));
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One citizen voice; ?reveal=personal-data shows the sender's data in full (staff and"
            + " above; recorded in the audit trail)")
    @Answers(VoiceView.class)
    public Response get(@PathParam("id") UUID id, @QueryParam("reveal") String reveal) {
        boolean full = PersonalDataDisclosure.requested(reveal);
        CitizenVoice v = voices.require(id);
        if (full) {
            disclosure.reveal(v, v.getId());
        }
        return Response.ok(view(v)).tag(Versions.tag(v.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Route, answer, close or publish a citizen voice (If-Match required); the sender's data is"
            + " not part of it")
    @Answers(VoiceView.class)
    public Response update(@PathParam("id") UUID id, @Valid Handling body) {
        Bodies.require(body);
        CitizenVoice v = voices.require(id);
        Versions.requireMatch(request, headers, v.getVersion());
        String answer = blankToNull(body.answer);
        String summary = blankToNull(body.publishedSummary);
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if ((body.status == VoiceStatus.ANSWERED) && answer == null) {
            errors.add(new ApiException.FieldErrorKey("answer", "engagement.voice.answerNeeded"));
        }
        if (body.published && (answer == null || summary == null)) {
            errors.add(new ApiException.FieldErrorKey("published", "engagement.voice.publishNeedsAnswer"));
        }
        answerApprovalRules(v, body, answer, errors);
        if (body.answerDue.isBefore(v.getReceivedAt().atZoneSameInstant(VoiceService.JAPAN).toLocalDate())) {
            errors.add(new ApiException.FieldErrorKey("answerDue", "engagement.voice.dueBeforeReceipt"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        v.categorise(categories.reference("categoryId", body.categoryId, v));
        voices.handle(v, new CitizenVoice.Handling(body.channel, blankToNull(body.category), body.subject.strip(),
                body.body.strip(), body.unitId, body.status, body.answerDue, answer, body.published, summary));
        if (body.writtenAnswerRequired != null && body.writtenAnswerRequired != v.isWrittenAnswerRequired()) {
            v.requireWrittenAnswer(body.writtenAnswerRequired);
            voices.flush();
        }
        return Response.ok(view(v)).tag(Versions.tag(v.getVersion())).build();
    }

    @POST
    @Path("{id}/not-spam")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Release a voice filed as spam: it is no spam and joins the normal list (If-Match required;"
            + " 409 if it was none)")
    @Answers(VoiceView.class)
    public Response releaseFromSpam(@PathParam("id") UUID id) {
        CitizenVoice v = voices.require(id);
        Versions.requireMatch(request, headers, v.getVersion());
        voices.releaseFromSpam(v);
        return Response.ok(view(v)).tag(Versions.tag(v.getVersion())).build();
    }

    /**
     * The answer's approval (決裁, {@link VoiceAnswerResource}): only an approved answer makes the voice
     * 回答済 or is published; a submitted or approved answer is not edited (returned first); an
     * approved one keeps the voice answered or closed.
     */
    private static void answerApprovalRules(CitizenVoice v, Handling body, String answer,
            List<ApiException.FieldErrorKey> errors) {
        if (body.status == VoiceStatus.ANSWERED && answer != null && !v.isAnswerApproved()) {
            errors.add(new ApiException.FieldErrorKey("status", "engagement.voice.answerNotApproved"));
        }
        if (body.published && answer != null && !v.isAnswerApproved()) {
            errors.add(new ApiException.FieldErrorKey("published", "engagement.voice.publishNeedsApproval"));
        }
        if (v.getAnswerState() != AnswerState.DRAFT && !java.util.Objects.equals(answer, v.getAnswer())) {
            errors.add(new ApiException.FieldErrorKey("answer", "engagement.voice.answerLocked"));
        }
        if (v.isAnswerApproved() && body.status != null && body.status.open()) {
            errors.add(new ApiException.FieldErrorKey("status", "engagement.voice.answerApprovedStatus"));
        }
    }

    @POST
    @Path("{id}/answer-email")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Send the answer to the sender by e-mail (If-Match required; 409 without a final answer or"
            + " an e-mail address); queued in the outbox, delivered after commit")
    @Answers(VoiceView.class)
    public Response answerEmail(@PathParam("id") UUID id) {
        CitizenVoice v = voices.require(id);
        Versions.requireMatch(request, headers, v.getVersion());
        mails.answer(v);
        voices.flush();
        return Response.ok(view(v)).tag(Versions.tag(v.getVersion())).build();
    }

    /** One voice with its co-units. */
    private VoiceView view(CitizenVoice v) {
        return view(v, routings.coUnits(v.getId()).stream().map(u -> new CoUnitView(u, voices.unitName(u).orElse(null)))
                .toList());
    }

    /** A voice in a list or an export: without co-units (one query a row otherwise). */
    private VoiceView row(CitizenVoice v) {
        return view(v, null);
    }

    private VoiceView view(CitizenVoice v, List<CoUnitView> coUnits) {
        return new VoiceView(v.getId(), v.getReceiptNumber(), japan(v.getReceivedAt()), v.getChannel(), v.getCategory(),
                v.getSubject(), v.getBody(), v.getSenderName(), v.getSenderAddress(), v.getSenderPhone(),
                v.getSenderEmail(), v.isWantsReply(), v.getUnitId(), voices.unitName(v.getUnitId()).orElse(null),
                v.getStatus(), v.getAnswerDue(), v.isOverdue(VoiceService.today()), v.getAnswer(),
                japan(v.getAnsweredAt()), v.isPublished(), v.getPublishedSummary(), japan(v.getPublishedAt()),
                japan(v.getClosedAt()), japan(v.getAnonymisedAt()), v.isSpam(), japan(v.getAnswerEmailedAt()),
                v.getCategoryId(), categories.find(v.getCategoryId()).map(VoiceCategory::getNameJa).orElse(null),
                v.isWrittenAnswerRequired(), coUnits);
    }

    static UUID categoryFilter(String categoryId) {
        if (categoryId == null || categoryId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(categoryId.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("categoryId",
                    "engagement.voice.uuidExpected", categoryId)));
        }
    }

    static VoiceService.Filter filter(String status, String overdue, String unitId, String spam) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        VoiceStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = VoiceStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new ApiException.FieldErrorKey("status", "engagement.voice.statusUnknown", status));
            }
        }
        Boolean o = null;
        if (overdue != null && !overdue.isBlank()) {
            if ("true".equalsIgnoreCase(overdue.strip())) {
                o = true;
            } else if ("false".equalsIgnoreCase(overdue.strip())) {
                o = false;
            } else {
                errors.add(new ApiException.FieldErrorKey("overdue", "engagement.voice.booleanExpected", overdue));
            }
        }
        boolean spamOnly = false;
        if (spam != null && !spam.isBlank()) {
            if ("true".equalsIgnoreCase(spam.strip())) {
                spamOnly = true;
            } else if (!"false".equalsIgnoreCase(spam.strip())) {
                errors.add(new ApiException.FieldErrorKey("spam", "engagement.voice.booleanExpected", spam));
            }
        }
        UUID u = null;
        if (unitId != null && !unitId.isBlank()) {
            try {
                u = UUID.fromString(unitId.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new ApiException.FieldErrorKey("unitId", "engagement.voice.uuidExpected", unitId));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new VoiceService.Filter(s, o, u, spamOnly);
    }

    private static OffsetDateTime japan(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(VoiceService.JAPAN).toOffsetDateTime();
    }

    private static LocalDate day(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(VoiceService.JAPAN).toLocalDate();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String yesNo(Boolean b, boolean ja) {
        return b == null ? null : ja ? (b ? "はい" : "いいえ") : (b ? "yes" : "no");
    }
}
