package jp.machi.collaboration.facility.interfaces.rest;

import static jp.machi.collaboration.interfaces.rest.QueryParams.blank;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.collaboration.facility.application.FacilityService;
import jp.machi.collaboration.facility.domain.Facility;
import jp.machi.collaboration.facility.domain.FacilityKind;
import jp.machi.collaboration.facility.domain.FacilityMonitoring;
import jp.machi.collaboration.facility.domain.FacilityUse;
import jp.machi.collaboration.interfaces.rest.QueryParams;
import jp.machi.collaboration.partner.domain.Partner;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/collaboration/facilities}: 地域集会施設 and the 市民活動サポート
 * センター with their rooms and designated managers per period (child rows), their monthly use per
 * fiscal year ({@code {id}/use/{fiscalYear}}) and yearly monitoring ({@code {id}/monitoring/{fiscalYear}}).
 * One ETag (the facility's) guards the facility and every child row: each change raises it.
 */
@Path("municipalities/{lgCode}/collaboration/facilities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class FacilityResource {

    @Inject
    FacilityService facilities;

    @Inject
    Exports exports;

    @Inject
    Tenancy tenancy;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"name", "capacity"})
    public record RoomView(String name, int capacity) {
    }

    @JsonbPropertyOrder({"partnerId", "organisationName", "corporateNumber", "fromYear", "toYear", "periodLabel",
        "recruitmentOn", "selectionOn", "resolutionOn", "agreementOn"})
    public record ManagerView(UUID partnerId, String organisationName, String corporateNumber, int fromYear, int toYear,
            String periodLabel, LocalDate recruitmentOn, LocalDate selectionOn, LocalDate resolutionOn,
            LocalDate agreementOn) {
    }

    @JsonbPropertyOrder({"item", "score"})
    public record ScoreView(String item, int score) {
    }

    @JsonbPropertyOrder({"fiscalYear", "fiscalYearLabel", "rating", "comment", "published", "scores"})
    public record MonitoringView(int fiscalYear, String fiscalYearLabel, String rating, String comment, boolean published,
            List<ScoreView> scores) {
    }

    @JsonbPropertyOrder({"id", "code", "name", "nameKana", "nameEn", "kind", "kindLabel", "postalCode", "address",
        "addressDetail", "latitude", "longitude", "openDays", "opensAt", "closesAt", "openingNote", "description",
        "barrierFree", "phone", "url", "note", "invented", "capacity", "rooms", "managers", "monitoring", "version"})
    public record FacilityView(UUID id, String code, String name, String nameKana, String nameEn, String kind,
            String kindLabel, String postalCode, String address, String addressDetail, BigDecimal latitude,
            BigDecimal longitude, String openDays, LocalTime opensAt, LocalTime closesAt, String openingNote,
            String description, String barrierFree, String phone, String url, String note, boolean invented, int capacity,
            List<RoomView> rooms, List<ManagerView> managers, List<MonitoringView> monitoring, long version) {
    }

    @JsonbPropertyOrder({"month", "bookings", "users"})
    public record MonthView(String month, int bookings, int users) {
    }

    @JsonbPropertyOrder({"facilityId", "fiscalYear", "fiscalYearLabel", "bookings", "users", "months", "version"})
    public record UseView(UUID facilityId, int fiscalYear, String fiscalYearLabel, long bookings, long users,
            List<MonthView> months, long version) {
    }

    public static class RoomInput {
        @NotBlank
        @Size(max = 100)
        public String name;

        @NotNull
        @Min(0)
        @Max(100_000)
        public Integer capacity;
    }

    public static class ManagerInput {
        /** A registered partner (協働の相手方); its name is taken when organisationName is left out. */
        public UUID partnerId;

        @Size(max = 200)
        public String organisationName;

        @Pattern(regexp = "\\d{13}")
        public String corporateNumber;

        @NotNull
        public FiscalYear fromYear;

        @NotNull
        public FiscalYear toYear;

        public LocalDate recruitmentOn;
        public LocalDate selectionOn;
        public LocalDate resolutionOn;
        public LocalDate agreementOn;
    }

    /** A facility as sent on create and update: every field and every child row (one left out is removed). */
    public static class FacilityInput {
        @Size(max = 40)
        public String code;

        @NotBlank
        @Size(max = 200)
        public String name;

        @Size(max = 200)
        public String nameKana;

        @Size(max = 200)
        public String nameEn;

        /** COMMUNITY_CENTRE, CIVIC_ACTIVITY_CENTRE, OTHER. */
        @NotNull
        public String kind;

        @Pattern(regexp = "\\d{3}-?\\d{4}")
        public String postalCode;

        @NotBlank
        @Size(max = 300)
        public String address;

        @Size(max = 200)
        public String addressDetail;

        @DecimalMin("-90")
        @DecimalMax("90")
        public BigDecimal latitude;

        @DecimalMin("-180")
        @DecimalMax("180")
        public BigDecimal longitude;

        @Size(max = 100)
        public String openDays;

        public LocalTime opensAt;
        public LocalTime closesAt;

        @Size(max = 500)
        public String openingNote;

        @Size(max = 2000)
        public String description;

        @Size(max = 500)
        public String barrierFree;

        @Pattern(regexp = "[0-9+()\\- ]{1,30}")
        public String phone;

        @Size(max = 500)
        @Pattern(regexp = "https?://\\S+")
        public String url;

        @Size(max = 1000)
        public String note;

        @Valid
        @Size(max = 50)
        public List<@NotNull RoomInput> rooms;

        @Valid
        @Size(max = 30)
        public List<@NotNull ManagerInput> managers;
    }

    public static class MonthInput {
        /** 2024-04 …, a month of the path's fiscal year. */
        @NotNull
        public String month;

        @NotNull
        @Min(0)
        @Max(1_000_000)
        public Integer bookings;

        @NotNull
        @Min(0)
        @Max(10_000_000)
        public Integer users;
    }

    public static class UseInput {
        @NotNull
        @Valid
        @Size(max = 12)
        public List<@NotNull MonthInput> months;
    }

    public static class ScoreInput {
        @NotBlank
        @Size(max = 200)
        public String item;

        /** 1 (poor) – 5 (excellent). */
        @NotNull
        @Min(1)
        @Max(5)
        public Integer score;
    }

    public static class MonitoringInput {
        @NotNull
        @Valid
        @Size(max = 50)
        public List<@NotNull ScoreInput> scores;

        /** 総合評価: S, A, B or C. */
        @NotNull
        public String rating;

        @Size(max = 2000)
        public String comment;

        public Boolean published;
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List community facilities (filters: kind, q (name, kana, address); ?sort= kind, name, nameKana,"
            + " code, - for descending; paged in the database; CSV with ?format=csv, streamed)")
    @Answers(value = FacilityView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("kind") String kind, @QueryParam("q") String q, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        FacilityKind k = QueryParams.parse(FacilityKind.class, "kind", kind, errors);
        String query = q != null && q.length() > 200 ? QueryParams.tooLong(errors) : q;
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<Facility> list = facilities.list(new FacilityService.Filter(k, query), FacilityService.SORT.parse(sort));
        Locale l = Problems.locale(headers);
        if (csv) {
            int fy = FiscalYear.containing(LocalDate.now(jp.machi.collaboration.partner.application.PartnerService.JAPAN))
                    .startYear();
            return Csv.stream("facilities.csv", List.of("code", "name", "nameKana", "kind", "address", "rooms", "capacity",
                    "manager", "invented").stream().map(x -> Messages.get(l, "collaboration.facility.csv." + x)).toList(),
                    exports.of(list, f -> f), f -> {
                        Facility.Manager m = f.managerIn(fy);
                        return Arrays.asList(f.getCode(), f.getName(), f.getNameKana(), f.getKind().label().in(l),
                                f.getPlace().address(), f.getRooms().size(), capacity(f),
                                m == null ? "" : m.organisationName(),
                                f.isInvented() ? Messages.get(l, "collaboration.facility.invented") : "");
                    });
        }
        return Response.ok(list.page(paging).map(f -> view(f, null, l))).build();
    }

    @GET
    @Path("monitoring-items")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The municipality's monitoring evaluation items (module setting facilityMonitoringItems)")
    @Answers(value = String.class, list = true)
    public List<String> monitoringItems() {
        return facilities.monitoringItems();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Register a community facility with its rooms and designated managers per period")
    @Answers(value = FacilityView.class, status = 201)
    public Response create(@Valid FacilityInput body) {
        Bodies.require(body);
        Facility f = facilities.create(content(body, false));
        return Response.created(uri.getAbsolutePathBuilder().path(f.getId().toString()).build())
                .entity(view(f, List.of(), Problems.locale(headers))).tag(Versions.tag(f.getVersion())).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One community facility with its rooms, designated managers and monitoring per fiscal year")
    @Answers(FacilityView.class)
    public Response get(@PathParam("id") UUID id) {
        Facility f = facilities.require(id);
        return Response.ok(view(f, facilities.monitorings(id), Problems.locale(headers))).tag(Versions.tag(f.getVersion()))
                .build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise a community facility, its rooms and its designated managers (If-Match required; a change"
            + " of rooms or managers alone raises the ETag too)")
    @Answers(FacilityView.class)
    public Response update(@PathParam("id") UUID id, @Valid FacilityInput body) {
        Bodies.require(body);
        Facility f = facilities.require(id);
        Versions.requireMatch(request, headers, f.getVersion());
        facilities.revise(f, content(body, f.isInvented()));
        return Response.ok(view(f, facilities.monitorings(id), Problems.locale(headers))).tag(Versions.tag(f.getVersion()))
                .build();
    }

    @GET
    @Path("{id}/use/{fiscalYear}")
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "A facility's bookings and users per month of a fiscal year (令和3年度, R3, 2021 …) with the year's"
            + " sums and the facility's ETag; CSV with ?format=csv")
    @Answers(UseView.class)
    public Response use(@PathParam("id") UUID id, @PathParam("fiscalYear") String fiscalYear,
            @QueryParam("format") String format) {
        Facility f = facilities.require(id);
        FiscalYear fy = FiscalYear.parse(fiscalYear);
        UseView v = useView(f, fy, facilities.use(id, fy), Problems.locale(headers));
        if (Csv.requested(format, headers)) {
            Locale l = Problems.locale(headers);
            return Csv.response("facility-use-" + fy.startYear() + ".csv", List.of("name", "month", "bookings", "users")
                    .stream().map(x -> Messages.get(l, "collaboration.facility.csv.use." + x)).toList(), v.months(),
                    m -> Arrays.asList(f.getName(), m.month(), m.bookings(), m.users()));
        }
        return Response.ok(v).tag(Versions.tag(f.getVersion())).build();
    }

    @PUT
    @Path("{id}/use/{fiscalYear}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Replace a facility's monthly bookings and users of a fiscal year (If-Match: the facility's ETag;"
            + " each month once, in the fiscal year, not in the future; a month left out has no figures)")
    @Answers(UseView.class)
    public Response replaceUse(@PathParam("id") UUID id, @PathParam("fiscalYear") String fiscalYear,
            @Valid UseInput body) {
        Bodies.require(body);
        Facility f = facilities.require(id);
        FiscalYear fy = FiscalYear.parse(fiscalYear);
        Versions.requireMatch(request, headers, f.getVersion());
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        List<FacilityService.Month> months = new ArrayList<>();
        LocalDate thisMonth = LocalDate.now(jp.machi.collaboration.partner.application.PartnerService.JAPAN).withDayOfMonth(1);
        for (int i = 0; i < body.months.size(); i++) {
            MonthInput m = body.months.get(i);
            String field = "months[" + i + "].month";
            LocalDate start;
            try {
                start = YearMonth.parse(m.month.strip()).atDay(1);
            } catch (java.time.DateTimeException e) {
                errors.add(new ApiException.FieldErrorKey(field, "collaboration.facility.month",
                        m.month.length() > 20 ? m.month.substring(0, 20) + "…" : m.month));
                continue;
            }
            if (!fy.contains(start)) {
                errors.add(new ApiException.FieldErrorKey(field, "collaboration.facility.monthOutside", m.month.strip(),
                        fy.label(Problems.locale(headers))));
            } else if (start.isAfter(thisMonth)) {
                errors.add(new ApiException.FieldErrorKey(field, "collaboration.facility.monthFuture", m.month.strip()));
            } else if (months.stream().anyMatch(x -> x.monthStart().equals(start))) {
                errors.add(new ApiException.FieldErrorKey(field, "collaboration.facility.monthTwice", m.month.strip()));
            } else {
                months.add(new FacilityService.Month(start, m.bookings, m.users));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        List<FacilityUse> saved = facilities.replaceUse(f, fy, months);
        return Response.ok(useView(f, fy, saved, Problems.locale(headers))).tag(Versions.tag(f.getVersion())).build();
    }

    @GET
    @Path("{id}/monitoring/{fiscalYear}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "A facility's monitoring (モニタリング) of a fiscal year, with the facility's ETag")
    @Answers(MonitoringView.class)
    public Response monitoring(@PathParam("id") UUID id, @PathParam("fiscalYear") String fiscalYear) {
        Facility f = facilities.require(id);
        FiscalYear fy = FiscalYear.parse(fiscalYear);
        FacilityMonitoring m = facilities.monitoring(id, fy);
        if (m == null) {
            throw ApiException.notFound("collaboration.facility.monitoringNotFound", f.getName(), fy.japaneseLabel());
        }
        return Response.ok(monitoringView(m, Problems.locale(headers))).tag(Versions.tag(f.getVersion())).build();
    }

    /**
     * The monitoring of the year as {@code PUT …/monitoring/{fiscalYear}} takes it, for a merge patch; a
     * year not yet recorded starts empty (the PUT records it), an unknown facility is 404.
     */
    @jp.machi.core.api.MergePatch.Base("{id}/monitoring/{fiscalYear}")
    @Transactional
    public Object currentMonitoring(@PathParam("id") UUID id, @PathParam("fiscalYear") String fiscalYear) {
        facilities.require(id);
        FacilityMonitoring m = facilities.monitoring(id, FiscalYear.parse(fiscalYear));
        return m == null ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT : monitoringView(m, Problems.locale(headers));
    }

    @PUT
    @Path("{id}/monitoring/{fiscalYear}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record or replace a facility's monitoring of a fiscal year: a score (1–5) per evaluation item of"
            + " the setting facilityMonitoringItems, comment, overall rating S/A/B/C, published on the portal or not"
            + " (If-Match: the facility's ETag)")
    @Answers(MonitoringView.class)
    public Response monitor(@PathParam("id") UUID id, @PathParam("fiscalYear") String fiscalYear,
            @Valid MonitoringInput body) {
        Bodies.require(body);
        Facility f = facilities.require(id);
        FiscalYear fy = FiscalYear.parse(fiscalYear);
        Versions.requireMatch(request, headers, f.getVersion());
        String rating = body.rating.strip().toUpperCase(Locale.ROOT);
        if (!FacilityMonitoring.RATINGS.contains(rating)) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("rating", "collaboration.facility.rating",
                    body.rating.length() > 10 ? body.rating.substring(0, 10) + "…" : body.rating)));
        }
        FacilityMonitoring m = facilities.monitor(f, fy, body.scores.stream()
                .map(s -> new FacilityMonitoring.Score(s.item.strip(), s.score)).toList(), rating, blank(body.comment),
                Boolean.TRUE.equals(body.published));
        return Response.ok(monitoringView(m, Problems.locale(headers))).tag(Versions.tag(f.getVersion())).build();
    }

    private Facility.Content content(FacilityInput b, boolean invented) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        FacilityKind kind = QueryParams.parse(FacilityKind.class, "kind", b.kind, errors);
        if (kind == null && errors.isEmpty()) {
            errors.add(new ApiException.FieldErrorKey("kind", "collaboration.facility.kindNeeded"));
        }
        if (b.opensAt != null && b.closesAt != null && !b.closesAt.isAfter(b.opensAt)) {
            errors.add(new ApiException.FieldErrorKey("closesAt", "collaboration.facility.closesBeforeOpening"));
        }
        List<Facility.Room> rooms = new ArrayList<>();
        if (b.rooms != null) {
            b.rooms.forEach(r -> rooms.add(new Facility.Room(r.name.strip(), r.capacity)));
        }
        List<Facility.Manager> managers = new ArrayList<>();
        if (b.managers != null) {
            EntityManager em = tenancy.em();
            for (int i = 0; i < b.managers.size(); i++) {
                ManagerInput m = b.managers.get(i);
                String at = "managers[" + i + "]";
                String name = blank(m.organisationName);
                if (m.partnerId != null) {
                    Partner p = em.find(Partner.class, m.partnerId);
                    if (p == null) {
                        errors.add(new ApiException.FieldErrorKey(at + ".partnerId", "collaboration.facility.partnerUnknown",
                                m.partnerId.toString()));
                        continue;
                    }
                    name = name == null ? p.getName() : name;
                }
                if (name == null) {
                    errors.add(new ApiException.FieldErrorKey(at + ".organisationName",
                            "collaboration.facility.organisationNeeded"));
                    continue;
                }
                if (m.toYear.startYear() < m.fromYear.startYear()) {
                    errors.add(new ApiException.FieldErrorKey(at + ".toYear", "collaboration.facility.periodReversed"));
                    continue;
                }
                Facility.Manager r = new Facility.Manager(m.partnerId, name, m.corporateNumber, m.fromYear.startYear(),
                        m.toYear.startYear(), m.recruitmentOn, m.selectionOn, m.resolutionOn, m.agreementOn);
                for (Facility.Manager o : managers) {
                    if (o.fromYear() <= r.toYear() && r.fromYear() <= o.toYear()) {
                        errors.add(new ApiException.FieldErrorKey(at + ".fromYear", "collaboration.facility.periodsOverlap",
                                FiscalYear.of(r.fromYear()).japaneseLabel(), FiscalYear.of(o.fromYear()).japaneseLabel()));
                        break;
                    }
                }
                managers.add(r);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Facility.Content(blank(b.code), b.name.strip(), blank(b.nameKana), blank(b.nameEn), kind,
                new Facility.Place(blank(b.postalCode), b.address.strip(), blank(b.addressDetail), b.latitude, b.longitude,
                        blank(b.openDays), b.opensAt, b.closesAt, blank(b.openingNote)),
                blank(b.description), blank(b.barrierFree), blank(b.phone), blank(b.url), blank(b.note), rooms, managers,
                invented);
    }

    static int capacity(Facility f) {
        return f.getRooms().stream().mapToInt(Facility.Room::capacity).sum();
    }

    static String period(int from, int to, Locale l) {
        return FiscalYear.of(from).label(l) + "〜" + FiscalYear.of(to).label(l);
    }

    static ManagerView manager(Facility.Manager m, Locale l) {
        return new ManagerView(m.partnerId(), m.organisationName(), m.corporateNumber(), m.fromYear(), m.toYear(),
                period(m.fromYear(), m.toYear(), l), m.recruitmentOn(), m.selectionOn(), m.resolutionOn(), m.agreementOn());
    }

    static MonitoringView monitoringView(FacilityMonitoring m, Locale l) {
        return new MonitoringView(m.getFiscalYear(), FiscalYear.of(m.getFiscalYear()).label(l), m.getRating(),
                m.getComment(), m.isPublished(), m.getScores().stream().map(s -> new ScoreView(s.item(), s.score())).toList());
    }

    static UseView useView(Facility f, FiscalYear fy, List<FacilityUse> months, Locale l) {
        List<MonthView> ms = months.stream().map(u -> new MonthView(YearMonth.from(u.getMonthStart()).toString(),
                u.getBookings(), u.getUsers())).toList();
        return new UseView(f.getId(), fy.startYear(), fy.label(l), ms.stream().mapToLong(MonthView::bookings).sum(),
                ms.stream().mapToLong(MonthView::users).sum(), ms, f.getVersion());
    }

    static FacilityView view(Facility f, List<FacilityMonitoring> monitoring, Locale l) {
        Facility.Place p = f.getPlace();
        return new FacilityView(f.getId(), f.getCode(), f.getName(), f.getNameKana(), f.getNameEn(), f.getKind().name(),
                f.getKind().label().in(l), p.postalCode(), p.address(), p.addressDetail(), p.latitude(), p.longitude(),
                p.openDays(), p.opensAt(), p.closesAt(), p.openingNote(), f.getDescription(), f.getBarrierFree(),
                f.getPhone(), f.getUrl(), f.getNote(), f.isInvented(), capacity(f),
                f.getRooms().stream().map(r -> new RoomView(r.name(), r.capacity())).toList(),
                f.getManagers().stream().map(m -> manager(m, l)).toList(),
                monitoring == null ? null : monitoring.stream().map(m -> monitoringView(m, l)).toList(), f.getVersion());
    }
}
