package jp.machi.engagement.meeting.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.Exports;
import jp.machi.engagement.meeting.application.MeetingService;
import jp.machi.engagement.meeting.domain.MeetingKind;
import jp.machi.engagement.meeting.domain.MeetingOpinion;
import jp.machi.engagement.meeting.domain.MeetingStatus;
import jp.machi.engagement.meeting.domain.OpinionStatus;
import jp.machi.engagement.meeting.domain.TownMeeting;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/engagement/meetings}: タウンミーティング・懇談会. Staff record
 * meetings (planned, held with participants, cancelled with a reason), the opinions raised (assigned
 * to a unit, tracked until closed with the city's response) and publish a report per meeting;
 * anyone reads the published reports. No personal data: opinions are recorded without names.
 * Every change, an opinion's included, raises the meeting's version (If-Match: the meeting's ETag).
 */
@Path("municipalities/{lgCode}/engagement/meetings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "engagement")
public class MeetingResource {

    @Inject
    MeetingService meetings;

    @Inject
    Exports exports;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @JsonbPropertyOrder({"id", "seq", "opinion", "unitId", "unitName", "status", "statusLabel", "response", "closedAt"})
    public record OpinionView(UUID id, int seq, String opinion, UUID unitId, String unitName, OpinionStatus status,
            String statusLabel, String response, OffsetDateTime closedAt) {
    }

    @JsonbPropertyOrder({"id", "fiscalYear", "fiscalYearLabel", "meetingDate", "kind", "kindLabel", "title", "theme",
        "district", "venue", "online", "status", "statusLabel", "participants", "cancelReason", "reportSummary",
        "reportPublished", "reportPublishedAt", "opinionsOpen", "opinions"})
    public record MeetingView(UUID id, int fiscalYear, String fiscalYearLabel, LocalDate meetingDate, MeetingKind kind,
            String kindLabel, String title, String theme, String district, String venue, boolean online,
            MeetingStatus status, String statusLabel, Integer participants, String cancelReason, String reportSummary,
            boolean reportPublished, OffsetDateTime reportPublishedAt, long opinionsOpen, List<OpinionView> opinions) {
    }

    @JsonbPropertyOrder({"seq", "opinion", "unitName", "statusLabel", "response"})
    public record PublishedOpinionView(int seq, String opinion, String unitName, String statusLabel, String response) {
    }

    @JsonbPropertyOrder({"id", "fiscalYear", "fiscalYearLabel", "meetingDate", "kindLabel", "title", "theme", "district",
        "venue", "online", "statusLabel", "participants", "cancelReason", "reportSummary", "opinions"})
    public record PublishedMeetingView(UUID id, int fiscalYear, String fiscalYearLabel, LocalDate meetingDate,
            String kindLabel, String title, String theme, String district, String venue, boolean online,
            String statusLabel, Integer participants, String cancelReason, String reportSummary,
            List<PublishedOpinionView> opinions) {
    }

    /** A meeting as staff give it. */
    public static class MeetingInput {
        /** 西暦 of the fiscal year (April–March); may be left out when the day is given. */
        @Min(1989)
        @Max(2200)
        public Integer fiscalYear;

        public LocalDate meetingDate;

        @NotNull
        public MeetingKind kind;

        @NotBlank
        @Size(max = 200)
        public String title;

        @Size(max = 500)
        public String theme;

        @Size(max = 100)
        public String district;

        @Size(max = 200)
        public String venue;

        public Boolean online;

        @NotNull
        public MeetingStatus status;

        @Min(0)
        @Max(1000000)
        public Integer participants;

        @Size(max = 1000)
        public String cancelReason;

        @Size(max = 4000)
        public String reportSummary;

        public Boolean reportPublished;
    }

    /** An opinion raised at the meeting, summarised without names. */
    public static class OpinionInput {
        @NotBlank
        @Size(max = 2000)
        public String opinion;

        public UUID unitId;

        /** Default: 受付 (OPEN). */
        public OpinionStatus status;

        @Size(max = 2000)
        public String response;
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List town meetings, newest first (filters: fiscalYear e.g. 2020, status, kind; ?sort="
            + " fiscalYear, meetingDate, title, status, kind; paged in the database; CSV with ?format=csv, streamed)")
    @Answers(value = MeetingView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("status") String status,
            @QueryParam("kind") String kind, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Integer fy = fiscalYear(fiscalYear, errors);
        MeetingStatus s = parse(MeetingStatus.class, "status", status, errors);
        MeetingKind k = parse(MeetingKind.class, "kind", kind, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        Locale l = Problems.locale(headers);
        var query = meetings.list(new MeetingService.Filter(fy, s, k), MeetingService.SORT.parse(sort));
        if (csv) {
            return Csv.stream("town-meetings.csv",
                    List.of("fiscalYear", "meetingDate", "kind", "title", "theme", "district", "venue", "online", "status",
                            "participants", "cancelReason", "opinions", "opinionsOpen", "reportPublished").stream()
                            .map(c -> Messages.get(l, "engagement.csv.meeting." + c)).toList(),
                    exports.of(query, m -> view(m, l)), v -> Arrays.asList(v.fiscalYearLabel(), v.meetingDate(),
                            v.kindLabel(), v.title(), v.theme(), v.district(), v.venue(), v.online(), v.statusLabel(),
                            v.participants(), v.cancelReason(), v.opinions().size(), v.opinionsOpen(), v.reportPublished()));
        }
        return Response.ok(query.page(paging).map(m -> view(m, l))).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record a town meeting (planned, held with its participants, or cancelled with a reason)")
    @Answers(value = MeetingView.class, status = 201)
    public Response create(@Valid MeetingInput body) {
        Bodies.require(body);
        TownMeeting m = meetings.create(details(body, null));
        return Response.status(201).entity(view(m, Problems.locale(headers))).tag(Versions.tag(m.getVersion())).build();
    }

    @GET
    @Path("published")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Published town meeting reports: the meeting, the opinions raised and the city's responses"
            + " (anyone; no personal data; filter fiscalYear)")
    @Answers(value = PublishedMeetingView.class, page = true)
    public Page<PublishedMeetingView> published(@BeanParam PageRequest paging, @QueryParam("fiscalYear") String fiscalYear,
            @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Integer fy = fiscalYear(fiscalYear, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        paging.offset();
        Locale l = Problems.locale(headers);
        return meetings.published(fy, MeetingService.SORT.parse(sort)).page(paging).map(m -> publicView(m, l));
    }

    @GET
    @Path("published/{id}")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "One published town meeting report (anyone; 404 when not published)")
    @Answers(PublishedMeetingView.class)
    public PublishedMeetingView publishedOne(@PathParam("id") UUID id) {
        return publicView(meetings.requirePublished(id), Problems.locale(headers));
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One town meeting with its opinions")
    @Answers(MeetingView.class)
    public Response get(@PathParam("id") UUID id) {
        TownMeeting m = meetings.require(id);
        return Response.ok(view(m, Problems.locale(headers))).tag(Versions.tag(m.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Edit a town meeting: held, cancelled with a reason, its report published (If-Match required)")
    @Answers(MeetingView.class)
    public Response update(@PathParam("id") UUID id, @Valid MeetingInput body) {
        Bodies.require(body);
        TownMeeting m = meetings.require(id);
        Versions.requireMatch(request, headers, m.getVersion());
        meetings.edit(m, details(body, m));
        return Response.ok(view(m, Problems.locale(headers))).tag(Versions.tag(m.getVersion())).build();
    }

    @POST
    @Path("{id}/opinions")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record an opinion raised at the meeting, optionally assigned to a unit (If-Match: the"
            + " meeting's ETag; answers the meeting)")
    @Answers(value = MeetingView.class, status = 201)
    public Response addOpinion(@PathParam("id") UUID id, @Valid OpinionInput body) {
        Bodies.require(body);
        TownMeeting m = meetings.require(id);
        Versions.requireMatch(request, headers, m.getVersion());
        if (m.getStatus() != MeetingStatus.HELD) {
            throw ApiException.conflict("meeting-not-held", "engagement.meeting.notHeld");
        }
        MeetingOpinion o = meetings.addOpinion(m, body.opinion.strip(), body.unitId);
        if (body.status != null || body.response != null) {
            meetings.editOpinion(m, o, o.getOpinion(), o.getUnitId(), status(body), blankToNull(body.response));
        }
        return Response.status(201).entity(view(m, Problems.locale(headers))).tag(Versions.tag(m.getVersion())).build();
    }

    @PUT
    @Path("{id}/opinions/{opinionId}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Assign an opinion to a unit, record the city's response, move it to 対応中 or 完了 (a closed"
            + " one needs a response; If-Match: the meeting's ETag)")
    @Answers(MeetingView.class)
    public Response editOpinion(@PathParam("id") UUID id, @PathParam("opinionId") UUID opinionId,
            @Valid OpinionInput body) {
        Bodies.require(body);
        TownMeeting m = meetings.require(id);
        MeetingOpinion o = meetings.requireOpinion(m, opinionId);
        Versions.requireMatch(request, headers, m.getVersion());
        meetings.editOpinion(m, o, body.opinion.strip(), body.unitId, status(body), blankToNull(body.response));
        return Response.ok(view(m, Problems.locale(headers))).tag(Versions.tag(m.getVersion())).build();
    }

    @DELETE
    @Path("{id}/opinions/{opinionId}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Remove an opinion recorded by mistake (If-Match: the meeting's ETag)")
    @Answers(MeetingView.class)
    public Response removeOpinion(@PathParam("id") UUID id, @PathParam("opinionId") UUID opinionId) {
        TownMeeting m = meetings.require(id);
        MeetingOpinion o = meetings.requireOpinion(m, opinionId);
        Versions.requireMatch(request, headers, m.getVersion());
        meetings.removeOpinion(m, o);
        return Response.ok(view(m, Problems.locale(headers))).tag(Versions.tag(m.getVersion())).build();
    }

    private static OpinionStatus status(OpinionInput body) {
        OpinionStatus s = body.status == null ? OpinionStatus.OPEN : body.status;
        if (s == OpinionStatus.CLOSED && blankToNull(body.response) == null) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("response",
                    "engagement.meeting.closeNeedsResponse")));
        }
        return s;
    }

    /** The meeting's rules: a held one has its day; a cancelled one its reason; a day within its fiscal year. */
    private static TownMeeting.Details details(MeetingInput b, TownMeeting current) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        FiscalYear fy = null;
        if (b.meetingDate != null && (b.meetingDate.getYear() < 1989 || b.meetingDate.getYear() > 2200)) {
            errors.add(new ApiException.FieldErrorKey("meetingDate", "engagement.meeting.dateOutOfRange"));
        } else if (b.meetingDate != null) {
            fy = FiscalYear.containing(b.meetingDate);
            if (b.fiscalYear != null && b.fiscalYear != fy.startYear()) {
                errors.add(new ApiException.FieldErrorKey("meetingDate", "engagement.meeting.dateOutsideYear"));
            }
        } else if (b.fiscalYear != null) {
            fy = FiscalYear.of(b.fiscalYear);
        } else {
            errors.add(new ApiException.FieldErrorKey("fiscalYear", "engagement.meeting.yearNeeded"));
        }
        if (b.status == MeetingStatus.HELD && b.meetingDate == null) {
            errors.add(new ApiException.FieldErrorKey("meetingDate", "engagement.meeting.heldNeedsDate"));
        }
        if (b.status == MeetingStatus.CANCELLED && blankToNull(b.cancelReason) == null) {
            errors.add(new ApiException.FieldErrorKey("cancelReason", "engagement.meeting.cancelNeedsReason"));
        }
        if (b.status != MeetingStatus.HELD && b.participants != null) {
            errors.add(new ApiException.FieldErrorKey("participants", "engagement.meeting.participantsOnlyHeld"));
        }
        if (Boolean.TRUE.equals(b.reportPublished) && b.status == MeetingStatus.PLANNED) {
            errors.add(new ApiException.FieldErrorKey("reportPublished", "engagement.meeting.reportNotYet"));
        }
        if (current != null && b.status != MeetingStatus.HELD && !current.getOpinions().isEmpty()) {
            errors.add(new ApiException.FieldErrorKey("status", "engagement.meeting.hasOpinions"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new TownMeeting.Details(fy, b.meetingDate, b.kind, b.title.strip(), blankToNull(b.theme),
                blankToNull(b.district), blankToNull(b.venue), Boolean.TRUE.equals(b.online), b.status, b.participants,
                b.status == MeetingStatus.CANCELLED ? blankToNull(b.cancelReason) : null, blankToNull(b.reportSummary),
                Boolean.TRUE.equals(b.reportPublished));
    }

    private MeetingView view(TownMeeting m, Locale l) {
        List<OpinionView> opinions = m.getOpinions().stream().map(o -> new OpinionView(o.getId(), o.getSeq(),
                o.getOpinion(), o.getUnitId(), meetings.unitName(o.getUnitId()).orElse(null), o.getStatus(),
                o.getStatus().label().in(l), o.getResponse(),
                o.getClosedAt() == null ? null : o.getClosedAt().atZoneSameInstant(MeetingService.JAPAN).toOffsetDateTime()))
                .toList();
        long open = opinions.stream().filter(o -> o.status() != OpinionStatus.CLOSED).count();
        return new MeetingView(m.getId(), m.getFiscalYear(), FiscalYear.of(m.getFiscalYear()).label(l), m.getMeetingDate(),
                m.getKind(), m.getKind().label().in(l), m.getTitle(), m.getTheme(), m.getDistrict(), m.getVenue(),
                m.isOnline(), m.getStatus(), m.getStatus().label().in(l), m.getParticipants(), m.getCancelReason(),
                m.getReportSummary(), m.isReportPublished(), m.getReportPublishedAt() == null ? null
                        : m.getReportPublishedAt().atZoneSameInstant(MeetingService.JAPAN).toOffsetDateTime(),
                open, opinions);
    }

    private PublishedMeetingView publicView(TownMeeting m, Locale l) {
        return new PublishedMeetingView(m.getId(), m.getFiscalYear(), FiscalYear.of(m.getFiscalYear()).label(l),
                m.getMeetingDate(), m.getKind().label().in(l), m.getTitle(), m.getTheme(), m.getDistrict(), m.getVenue(),
                m.isOnline(), m.getStatus().label().in(l), m.getParticipants(), m.getCancelReason(), m.getReportSummary(),
                m.getOpinions().stream().map(o -> new PublishedOpinionView(o.getSeq(), o.getOpinion(),
                        meetings.unitName(o.getUnitId()).orElse(null), o.getStatus().label().in(l), o.getResponse()))
                        .toList());
    }

    private static Integer fiscalYear(String value, List<ApiException.FieldErrorKey> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("\\d{4}") && Integer.parseInt(v) >= 1989 && Integer.parseInt(v) <= 2200) {
            return Integer.parseInt(v);
        }
        errors.add(new ApiException.FieldErrorKey("fiscalYear", "engagement.meeting.fiscalYearMalformed", value));
        return null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value,
            List<ApiException.FieldErrorKey> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new ApiException.FieldErrorKey(name, "engagement.meeting." + name + "Unknown", value));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
