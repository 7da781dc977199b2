package jp.machi.promotion.vacanthouse.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataDisclosure;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.core.workflow.Workflow;
import jp.machi.core.workflow.WorkflowService;
import jp.machi.core.workflow.WorkflowViews;
import jp.machi.core.workflow.WorkflowViews.ActionView;
import jp.machi.core.workflow.WorkflowViews.HistoryView;
import jp.machi.core.workflow.WorkflowViews.TransitionInput;
import jp.machi.promotion.interfaces.rest.PromotionParams;
import jp.machi.promotion.vacanthouse.application.VacantHouseService;
import jp.machi.promotion.vacanthouse.application.VacantHouseWorkflow;
import jp.machi.promotion.vacanthouse.domain.DealType;
import jp.machi.promotion.vacanthouse.domain.VacantHouse;
import jp.machi.promotion.vacanthouse.domain.VacantHouseState;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/vacant-houses}: 空き家バンクの物件 for staff. The owner
 * is {@link PersonalData} (masked unless {@code ?reveal=personal-data}); {@code /{id}/workflow} gives
 * the state, the actions the caller may take and the history, {@code /{id}/workflow/transitions}
 * takes one (If-Match); {@code /expirations} runs the expiry of the daily job now for this municipality.
 */
@Path("municipalities/{lgCode}/promotion/vacant-houses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class VacantHouseResource {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final long MAX_YEN = 9_999_999_999L;

    @Inject
    VacantHouseService houses;

    @Inject
    WorkflowService workflows;

    @Inject
    Exports exports;

    @Inject
    PersonalDataDisclosure disclosure;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "title", "area", "dealType", "dealTypeLabel", "rent", "price", "layout", "floorArea", "landArea",
        "builtYear", "description", "ownerName", "ownerAddress", "ownerPhone", "ownerEmail", "state", "stateLabel", "appliedOn",
        "surveyDue", "surveyedOn", "registeredOn", "expiresOn", "publishedOn", "contractedOn", "anonymisedAt"})
    public record HouseView(UUID id, String title, String area, String dealType, String dealTypeLabel, Long rent, Long price,
            String layout, BigDecimal floorArea, BigDecimal landArea, Integer builtYear, String description,
            @PersonalData(PersonalData.Kind.NAME) String ownerName,
            @PersonalData(PersonalData.Kind.ADDRESS) String ownerAddress,
            @PersonalData(PersonalData.Kind.PHONE) String ownerPhone,
            @PersonalData(PersonalData.Kind.EMAIL) String ownerEmail,
            String state, String stateLabel, LocalDate appliedOn, LocalDate surveyDue, LocalDate surveyedOn,
            LocalDate registeredOn, LocalDate expiresOn, LocalDate publishedOn, LocalDate contractedOn,
            java.time.OffsetDateTime anonymisedAt) {
    }

    HouseView view(VacantHouse v) {
        Locale l = Problems.locale(headers);
        return new HouseView(v.getId(), v.getTitle(), v.getArea(), v.getDealType().name(), dealLabel(l, v.getDealType()), v.getRent(),
                v.getPrice(), v.getLayout(), v.getFloorArea(), v.getLandArea(), v.getBuiltYear(), v.getDescription(),
                v.getOwnerName(), v.getOwnerAddress(), v.getOwnerPhone(), v.getOwnerEmail(), v.getState().name(),
                VacantHouseWorkflow.DEFINITION.stateOf(v).label().in(l), v.getAppliedOn(), v.getSurveyDue(), v.getSurveyedOn(),
                v.getRegisteredOn(), v.getExpiresOn(), v.getPublishedOn(), v.getContractedOn(), v.getAnonymisedAt());
    }

    static String dealLabel(Locale l, DealType d) {
        return Messages.get(l, "promotion.dealType." + d.name());
    }

    /** A property as sent on create and update (send every field: a field left out is cleared). */
    public static class HouseInput {
        @NotBlank
        @Size(max = 100)
        public String title;

        @NotBlank
        @Size(max = 100)
        public String area;

        @NotBlank
        @Size(max = 20)
        public String dealType;

        @Min(0)
        @Max(MAX_YEN)
        public Long rent;

        @Min(0)
        @Max(MAX_YEN)
        public Long price;

        @Size(max = 20)
        public String layout;

        @DecimalMin("0.01")
        @DecimalMax("999999.99")
        @Digits(integer = 6, fraction = 2)
        public BigDecimal floorArea;

        @DecimalMin("0.01")
        @DecimalMax("9999999.99")
        @Digits(integer = 7, fraction = 2)
        public BigDecimal landArea;

        @Min(1868)
        @Max(2100)
        public Integer builtYear;

        @Size(max = 2000)
        public String description;

        @NotBlank
        @Size(max = 100)
        public String ownerName;

        @Size(max = 300)
        public String ownerAddress;

        @Size(max = 40)
        public String ownerPhone;

        @Size(max = 254)
        public String ownerEmail;

        /**
         * On update only, for a registered property: the day of its first registration, when it was
         * registered before Machi or entered late (the registration then runs from that day).
         */
        @Size(max = 10)
        public String registeredOn;

        /** The day the owner applied; today when left out. */
        @Size(max = 10)
        public String appliedOn;

        VacantHouse.Property property(List<ApiException.FieldErrorKey> errors) {
            DealType d = PromotionParams.code(DealType.class, "dealType", dealType, "promotion.dealType.unknown", errors);
            if (d == DealType.RENT && rent == null) {
                errors.add(new ApiException.FieldErrorKey("rent", "promotion.vacantHouse.rentRequired"));
            }
            if (d == DealType.SALE && price == null) {
                errors.add(new ApiException.FieldErrorKey("price", "promotion.vacantHouse.priceRequired"));
            }
            if (d == DealType.RENT_OR_SALE && (rent == null || price == null)) {
                errors.add(new ApiException.FieldErrorKey(rent == null ? "rent" : "price",
                        rent == null ? "promotion.vacantHouse.rentRequired" : "promotion.vacantHouse.priceRequired"));
            }
            return new VacantHouse.Property(title.strip(), area.strip(), d, d == DealType.SALE ? null : rent,
                    d == DealType.RENT ? null : price, PromotionParams.blank(layout), floorArea, landArea, builtYear,
                    PromotionParams.blank(description));
        }

        VacantHouse.Owner owner(List<ApiException.FieldErrorKey> errors) {
            String mail = PromotionParams.blank(ownerEmail);
            if (mail != null && !EMAIL.matcher(mail).matches()) {
                errors.add(new ApiException.FieldErrorKey("ownerEmail", "promotion.param.email"));
            }
            String tel = PromotionParams.blank(ownerPhone);
            String digits = ResidentQuery.phoneDigits(tel);
            if (tel != null && (digits == null || digits.length() < 6 || digits.length() > 15)) {
                errors.add(new ApiException.FieldErrorKey("ownerPhone", "promotion.param.phone"));
            }
            return new VacantHouse.Owner(ownerName.strip(), PromotionParams.blank(ownerAddress), tel, mail);
        }
    }

    @JsonbPropertyOrder({"code", "label"})
    public record Choice(String code, String label) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("deal-types")
    @Operation(summary = "The deal types (賃貸, 売買, 賃貸・売買) with their labels")
    @Answers(value = Choice.class, list = true)
    public List<Choice> dealTypes() {
        Locale l = Problems.locale(headers);
        return Arrays.stream(DealType.values()).map(d -> new Choice(d.name(), dealLabel(l, d))).toList();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List the vacant-house bank's properties, newest application first (?state=, ?dealType=; ?sort= appliedOn,"
            + " expiresOn, rent, price, title; paged in the database; owners masked; CSV with ?format=csv or Accept: text/csv)")
    @Answers(value = HouseView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format, @QueryParam("state") String state,
            @QueryParam("dealType") String dealType, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        VacantHouseState s = PromotionParams.code(VacantHouseState.class, "state", state, "promotion.vacantHouse.stateUnknown", errors);
        DealType d = PromotionParams.code(DealType.class, "dealType", dealType, "promotion.dealType.unknown", errors);
        PromotionParams.throwIfAny(errors);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<VacantHouse> found = houses.list(s, d, VacantHouseService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("vacant-houses.csv",
                    List.of("title", "area", "dealType", "rent", "price", "layout", "floorArea", "ownerName", "state", "appliedOn",
                            "registeredOn", "expiresOn").stream().map(k -> Messages.get(l, "promotion.csv.vacantHouse." + k)).toList(),
                    exports.of(found, this::view), v -> Arrays.asList(v.title(), v.area(), v.dealTypeLabel(), v.rent(), v.price(),
                            v.layout(), v.floorArea() == null ? null : v.floorArea().stripTrailingZeros().toPlainString(), v.ownerName(), v.stateLabel(), v.appliedOn(), v.registeredOn(), v.expiresOn()));
        }
        return Response.ok(found.page(paging).map(this::view)).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record an owner's application (state 申込受付; the site survey due 14 days later)")
    @Answers(value = HouseView.class, status = 201)
    public Response create(@Valid HouseInput body) {
        Bodies.require(body);
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        VacantHouse.Property p = body.property(errors);
        VacantHouse.Owner o = body.owner(errors);
        LocalDate applied = PromotionParams.date("appliedOn", body.appliedOn, errors);
        if (applied != null && applied.isAfter(VacantHouseService.today())) {
            errors.add(new ApiException.FieldErrorKey("appliedOn", "promotion.date.future"));
        }
        PromotionParams.throwIfAny(errors);
        VacantHouse v = houses.create(p, o, applied == null ? VacantHouseService.today() : applied);
        return Response.created(uri.getAbsolutePathBuilder().path(v.getId().toString()).build())
                .tag(Versions.tag(v.getVersion())).entity(view(v)).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One property; ?reveal=personal-data shows the owner in full (staff and above; recorded in the audit trail)")
    @Answers(HouseView.class)
    public Response get(@PathParam("id") UUID id, @QueryParam("reveal") String reveal) {
        boolean full = PersonalDataDisclosure.requested(reveal);
        VacantHouse v = houses.require(id);
        if (full) {
            disclosure.reveal(v, v.getId());
        }
        return Response.ok(view(v)).tag(Versions.tag(v.getVersion())).build();
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revise a property and its owner (If-Match required; the state changes only by the workflow; registeredOn corrects the day of a registered property's first registration, and its registration runs from then)")
    @Answers(HouseView.class)
    public Response update(@PathParam("id") UUID id, @Valid HouseInput body) {
        Bodies.require(body);
        VacantHouse v = houses.require(id);
        Versions.requireMatch(request, headers, v.getVersion());
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        VacantHouse.Property p = body.property(errors);
        VacantHouse.Owner o = body.owner(errors);
        LocalDate registered = PromotionParams.date("registeredOn", body.registeredOn, errors);
        if (registered != null && v.getRegisteredOn() == null) {
            errors.add(new ApiException.FieldErrorKey("registeredOn", "promotion.vacantHouse.notRegistered"));
        } else if (registered != null && registered.isAfter(VacantHouseService.today())) {
            errors.add(new ApiException.FieldErrorKey("registeredOn", "promotion.date.future"));
        }
        PromotionParams.throwIfAny(errors);
        houses.revise(v, p, o, registered);
        return Response.ok(view(v)).tag(Versions.tag(v.getVersion())).build();
    }

    @DELETE
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete an application not yet registered (If-Match required; a registered property is withdrawn instead: 409)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        VacantHouse v = houses.require(id);
        Versions.requireMatch(request, headers, v.getVersion());
        houses.delete(v);
        return Response.noContent().build();
    }

    @JsonbPropertyOrder({"houseId", "state", "stateLabel", "expiresOn", "actions", "history"})
    public record WorkflowView(UUID houseId, String state, String stateLabel, LocalDate expiresOn, List<ActionView> actions,
            List<HistoryView> history) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}/workflow")
    @Transactional
    @Operation(summary = "A property's state, the actions the caller may take now, the history; ETag of the property")
    @Answers(WorkflowView.class)
    public Response workflow(@PathParam("id") UUID id) {
        return workflowOf(houses.require(id));
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Path("{id}/workflow/transitions")
    @Transactional
    @Operation(summary = "Take an action ({\"action\":\"survey|register|publish|unpublish|negotiate|resume|contract|close|withdraw|renew\","
            + "\"comment\":…}; register, contract, close, withdraw and renew need promotion.vacant-house-registrar; withdraw needs a"
            + " reason; If-Match: the property's ETag)")
    @Answers(WorkflowView.class)
    public Response transition(@PathParam("id") UUID id, @Valid TransitionInput body) {
        Bodies.require(body);
        VacantHouse v = houses.require(id);
        Versions.requireMatch(request, headers, v.getVersion());
        houses.take(v, body.action, body.comment);
        return workflowOf(v);
    }

    private Response workflowOf(VacantHouse v) {
        Locale l = Problems.locale(headers);
        Workflow<VacantHouse> wf = VacantHouseWorkflow.DEFINITION;
        Workflow.State s = wf.stateOf(v);
        return Response.ok(new WorkflowView(v.getId(), s.code(), s.label().in(l), v.getExpiresOn(), WorkflowViews.actions(wf, v, l),
                WorkflowViews.history(wf, workflows.history(wf, v.getId()), l))).tag(Versions.tag(v.getVersion())).build();
    }

    @JsonbPropertyOrder({"expired"})
    public record ExpiryRun(int expired) {
    }

    @POST
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Path("expirations")
    @Transactional
    @Operation(summary = "Mark expired now, in this municipality, the registrations whose last day has passed (what the daily job"
            + " promotion.vacant-house-expiry does everywhere)")
    @Answers(ExpiryRun.class)
    public ExpiryRun expire() {
        return new ExpiryRun(houses.expireNow());
    }
}
