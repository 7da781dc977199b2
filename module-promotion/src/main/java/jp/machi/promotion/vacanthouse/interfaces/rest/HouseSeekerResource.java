package jp.machi.promotion.vacanthouse.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
import jp.machi.promotion.interfaces.rest.PromotionParams;
import jp.machi.promotion.vacanthouse.application.HouseSeekerService;
import jp.machi.promotion.vacanthouse.application.VacantHouseService;
import jp.machi.promotion.vacanthouse.domain.DealType;
import jp.machi.promotion.vacanthouse.domain.HouseSeeker;
import jp.machi.promotion.vacanthouse.domain.HouseSeekerState;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/house-seekers}: 空き家バンクの利用登録者 for staff.
 * Who they are is {@link PersonalData} (masked unless {@code ?reveal=personal-data}, audited); staff
 * approve or refuse a registration ({@code POST /{id}/decision}, If-Match) and renew it
 * ({@code POST /{id}/renewal}, If-Match).
 */
@Path("municipalities/{lgCode}/promotion/house-seekers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class HouseSeekerResource {

    @Inject
    HouseSeekerService seekers;

    @Inject
    Exports exports;

    @Inject
    PersonalDataDisclosure disclosure;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @JsonbPropertyOrder({"id", "receiptNumber", "name", "kana", "address", "phone", "email", "householdSize", "household",
        "wishedArea", "dealType", "dealTypeLabel", "budget", "moveIn", "state", "stateLabel", "appliedOn", "approvedOn", "expiresOn",
        "expired", "reason", "anonymisedAt"})
    public record SeekerView(UUID id, String receiptNumber,
            @PersonalData(PersonalData.Kind.NAME) String name,
            @PersonalData(PersonalData.Kind.NAME) String kana,
            @PersonalData(PersonalData.Kind.ADDRESS) String address,
            @PersonalData(PersonalData.Kind.PHONE) String phone,
            @PersonalData(PersonalData.Kind.EMAIL) String email,
            Integer householdSize, String household, String wishedArea, String dealType, String dealTypeLabel, Long budget,
            String moveIn, String state, String stateLabel, LocalDate appliedOn, LocalDate approvedOn, LocalDate expiresOn,
            boolean expired, String reason, java.time.OffsetDateTime anonymisedAt) {
    }

    SeekerView view(HouseSeeker s) {
        Locale l = Problems.locale(headers);
        boolean expired = s.getExpiresOn() != null && s.getExpiresOn().isBefore(VacantHouseService.today());
        return new SeekerView(s.getId(), s.getReceiptNumber(), s.getName(), s.getKana(), s.getAddress(), s.getPhone(), s.getEmail(),
                s.getHouseholdSize(), s.getHousehold(), s.getWishedArea(), s.getDealType().name(),
                VacantHouseResource.dealLabel(l, s.getDealType()), s.getBudget(), s.getMoveIn(), s.getState().name(),
                stateLabel(l, s.getState(), expired), s.getAppliedOn(), s.getApprovedOn(), s.getExpiresOn(), expired, s.getReason(),
                s.getAnonymisedAt());
    }

    static String stateLabel(Locale l, HouseSeekerState s, boolean expired) {
        return Messages.get(l, "promotion.houseSeeker.state." + (expired ? "EXPIRED" : s.name()));
    }

    /** A decision: approve, or refuse with a reason. */
    public static class Decision {
        @NotNull
        public Boolean approve;

        @Size(max = 500)
        public String reason;
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List the house seekers registered with the vacant-house bank, newest first (?state=APPLIED|APPROVED|REFUSED,"
            + " ?dealType=; ?sort= appliedOn, expiresOn, budget; paged in the database; people masked; CSV with ?format=csv or"
            + " Accept: text/csv)")
    @Answers(value = SeekerView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format, @QueryParam("state") String state,
            @QueryParam("dealType") String dealType, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        HouseSeekerState s = PromotionParams.code(HouseSeekerState.class, "state", state, "promotion.houseSeeker.stateUnknown", errors);
        DealType d = PromotionParams.code(DealType.class, "dealType", dealType, "promotion.dealType.unknown", errors);
        PromotionParams.throwIfAny(errors);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<HouseSeeker> found = seekers.list(s, d, HouseSeekerService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("house-seekers.csv",
                    List.of("receiptNumber", "name", "wishedArea", "dealType", "budget", "householdSize", "moveIn", "state", "appliedOn",
                            "expiresOn").stream().map(k -> Messages.get(l, "promotion.csv.houseSeeker." + k)).toList(),
                    exports.of(found, this::view), v -> Arrays.asList(v.receiptNumber(), v.name(), v.wishedArea(), v.dealTypeLabel(),
                            v.budget(), v.householdSize(), v.moveIn(), v.stateLabel(), v.appliedOn(), v.expiresOn()));
        }
        return Response.ok(found.page(paging).map(this::view)).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One house seeker; ?reveal=personal-data shows them in full (staff and above; recorded in the audit trail)")
    @Answers(SeekerView.class)
    public Response get(@PathParam("id") UUID id, @QueryParam("reveal") String reveal) {
        boolean full = PersonalDataDisclosure.requested(reveal);
        HouseSeeker s = seekers.require(id);
        if (full) {
            disclosure.reveal(s, s.getId());
        }
        return Response.ok(view(s)).tag(Versions.tag(s.getVersion())).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Path("{id}/decision")
    @Transactional
    @Operation(summary = "Approve ({\"approve\":true}: registered from today for the registration period of properties) or refuse"
            + " ({\"approve\":false,\"reason\":…}) a registration not yet decided (If-Match: the house seeker's ETag; 409 once decided)")
    @Answers(SeekerView.class)
    public Response decide(@PathParam("id") UUID id, @Valid Decision body) {
        Bodies.require(body);
        HouseSeeker s = seekers.require(id);
        Versions.requireMatch(request, headers, s.getVersion());
        seekers.decide(s, body.approve, PromotionParams.blank(body.reason));
        return Response.ok(view(s)).tag(Versions.tag(s.getVersion())).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Path("{id}/renewal")
    @Transactional
    @Operation(summary = "Renew a registration (登録の更新): registered again from today for the registration period of properties, as a"
            + " property's renewal; an expired one too (If-Match: the house seeker's ETag; 409 for a registration not approved)")
    @Answers(SeekerView.class)
    public Response renew(@PathParam("id") UUID id) {
        HouseSeeker s = seekers.require(id);
        Versions.requireMatch(request, headers, s.getVersion());
        seekers.renew(s);
        return Response.ok(view(s)).tag(Versions.tag(s.getVersion())).build();
    }
}
