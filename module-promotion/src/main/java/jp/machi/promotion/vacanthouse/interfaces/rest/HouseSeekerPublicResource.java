package jp.machi.promotion.vacanthouse.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Problems;
import jp.machi.core.identity.Access;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.promotion.interfaces.rest.PromotionParams;
import jp.machi.promotion.vacanthouse.application.HouseSeekerMails;
import jp.machi.promotion.vacanthouse.application.HouseSeekerService;
import jp.machi.promotion.vacanthouse.domain.DealType;
import jp.machi.promotion.vacanthouse.domain.HouseSeeker;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/public/house-seekers}: 空き家バンクの利用登録 from the
 * portal, for anyone without an account, through core's public intake (Idempotency-Key, rate limit,
 * honeypot). The answer is a receipt number only, and a mail to the address given repeats it with the
 * next step (nothing else that was typed); staff approve or refuse the registration.
 */
@Path("municipalities/{lgCode}/promotion/public/house-seekers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class HouseSeekerPublicResource {

    @Inject
    HouseSeekerMails mails;

    @Inject
    HouseSeekerService seekers;

    @Inject
    PublicIntake intake;

    @Context
    HttpHeaders headers;

    /** A registration as the portal's form sends it. */
    public static class Registration {
        @Size(max = 100)
        public String name;

        @Size(max = 100)
        public String kana;

        @Size(max = 300)
        public String address;

        @Size(max = 40)
        public String phone;

        @Size(max = 254)
        public String email;

        @Min(1)
        @Max(20)
        public Integer householdSize;

        @Size(max = 200)
        public String household;

        @Size(max = 100)
        public String wishedArea;

        @Size(max = 20)
        public String dealType;

        @Min(0)
        @Max(VacantHouseResource.MAX_YEN)
        public Long budget;

        @Size(max = 50)
        public String moveIn;

        /** Agreement that the municipality passes their wishes to owners and keeps their data for the registration. */
        public Boolean consent;

        /** The honeypot: people never see it; a bot that fills it is answered as usual and nothing is stored. */
        @Size(max = 200)
        public String website;
    }

    @JsonbPropertyOrder({"receiptNumber"})
    public record Receipt(String receiptNumber) {
    }

    @POST
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Register as a house seeker of the vacant-house bank (anyone; 201 with a receipt number only; staff approve"
            + " it). Idempotency-Key header: a retry gives the first answer; over the municipality's rate limit 429")
    @Answers(value = Receipt.class, status = 201)
    public Response register(@Valid Registration body) {
        Bodies.require(body);
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        String name = required("name", body.name, errors);
        String kana = required("kana", body.kana, errors);
        String email = required("email", body.email, errors);
        if (email != null && !VacantHouseResource.EMAIL.matcher(email).matches()) {
            errors.add(new ApiException.FieldErrorKey("email", "promotion.param.email"));
        }
        String phone = PromotionParams.blank(body.phone);
        String digits = ResidentQuery.phoneDigits(phone);
        if (phone != null && (digits == null || digits.length() < 6 || digits.length() > 15)) {
            errors.add(new ApiException.FieldErrorKey("phone", "promotion.param.phone"));
        }
        DealType deal = PromotionParams.code(DealType.class, "dealType", body.dealType, "promotion.dealType.unknown", errors);
        if (deal == null && PromotionParams.blank(body.dealType) == null) {
            errors.add(new ApiException.FieldErrorKey("dealType", "promotion.param.required"));
        }
        if (!Boolean.TRUE.equals(body.consent)) {
            errors.add(new ApiException.FieldErrorKey("consent", "promotion.houseSeeker.consentRequired"));
        }
        PromotionParams.throwIfAny(errors);
        HouseSeeker.Person p = new HouseSeeker.Person(name, kana, PromotionParams.blank(body.address), phone, email);
        HouseSeeker.Wish w = new HouseSeeker.Wish(body.householdSize, PromotionParams.blank(body.household),
                PromotionParams.blank(body.wishedArea), deal, body.budget, PromotionParams.blank(body.moveIn));
        return intake.accept(headers, HouseSeekerService.SERIES, body, body.website, in -> {
            if (!in.spam()) {
                mails.received(seekers.register(in.receiptNumber(), p, w), Problems.locale(headers));
            }
            return new Receipt(in.receiptNumber());
        });
    }

    private static String required(String field, String value, List<ApiException.FieldErrorKey> errors) {
        String v = PromotionParams.blank(value);
        if (v == null) {
            errors.add(new ApiException.FieldErrorKey(field, "promotion.param.required"));
        }
        return v;
    }
}
