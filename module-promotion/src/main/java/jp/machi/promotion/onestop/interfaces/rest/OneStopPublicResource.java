package jp.machi.promotion.onestop.interfaces.rest;

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
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.identity.Access;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.promotion.interfaces.rest.PromotionParams;
import jp.machi.promotion.onestop.application.OneStopService;
import jp.machi.promotion.onestop.domain.OneStopApplication;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/public/one-stop-applications}: ワンストップ特例の申請
 * (寄附金税額控除に係る申告特例申請書) sent online from the portal, for anyone without an account, through
 * core's public intake (Idempotency-Key, rate limit, honeypot). The form's items without the individual
 * number: the applicant, the residence municipality (local government code, check digit checked), the
 * donations (day, amount; one calendar year), the two declarations (both required: without them the
 * special treatment does not apply) and consent. It is refused from January 11 of the year after the
 * donations (Japan time) with the reason. There is no My Number field at all: the office checks the
 * individual number and identity documents separately, and a 12-digit number typed anywhere is refused
 * without being echoed. The answer is a receipt number only; the application lands with channel ONLINE
 * in the staff list, to be checked and matched like a mailed one.
 */
@Path("municipalities/{lgCode}/promotion/public/one-stop-applications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class OneStopPublicResource {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final Pattern POSTAL = Pattern.compile("[0-9]{3}-?[0-9]{4}");
    static final long MAX_YEN = 9_999_999_999L;

    @Inject
    OneStopService applications;

    @Inject
    PublicIntake intake;

    @Context
    HttpHeaders headers;

    /** One donation as the applicant lists it (寄附年月日, 寄附金額). */
    public static class ListedDonation {
        @Size(max = 20)
        public String donatedOn;

        @Min(1)
        @Max(MAX_YEN)
        public Long amount;
    }

    /** An application as the portal's form sends it. */
    public static class OneStopSubmission {
        @Size(max = 100)
        public String name;

        @Size(max = 100)
        public String kana;

        @Size(max = 10)
        public String postalCode;

        @Size(max = 300)
        public String address;

        /** The residence municipality (住所地の市区町村, where the donor lives on January 1 of the next year): its local government code. */
        @Size(max = 10)
        public String residenceCode;

        @Size(max = 100)
        public String residenceName;

        @Size(max = 40)
        public String phone;

        @Size(max = 254)
        public String email;

        @Size(max = 20)
        public String birthDate;

        @Valid
        @Size(max = 20)
        public List<ListedDonation> donations;

        /** ① 申告特例対象寄附者である: no tax return needed for the year (required). */
        public Boolean declaresNoTaxReturn;

        /** ② 申告特例の求めを行う地方団体の数が5以下と見込まれる (required). */
        public Boolean declaresAtMostFive;

        /** Agreement that the municipality keeps these details to process the application and notify the residence municipality. */
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
    @Operation(summary = "Send a one-stop application (ワンストップ特例申請) online (anyone; 201 with a receipt number only). No individual"
            + " number is taken: the office checks it separately. Both declarations and consent are required; refused from January 11 of"
            + " the year after the donations. Idempotency-Key header: a retry gives the first answer; over the municipality's rate limit 429")
    @Answers(value = Receipt.class, status = 201)
    public Response apply(@Valid OneStopSubmission body) {
        Bodies.require(body);
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        OneStopResource.noMyNumber(errors, null, body.name, body.kana, body.address, body.residenceName, body.phone, body.email,
                body.postalCode, body.website);
        String name = required("name", body.name, errors);
        String kana = required("kana", body.kana, errors);
        String address = required("address", body.address, errors);
        String postal = PromotionParams.blank(body.postalCode);
        if (postal == null) {
            errors.add(new ApiException.FieldErrorKey("postalCode", "promotion.param.required"));
        } else {
            postal = Normalizer.normalize(postal, Normalizer.Form.NFKC).replace('ー', '-').replace('−', '-');
            if (!POSTAL.matcher(postal).matches()) {
                errors.add(new ApiException.FieldErrorKey("postalCode", "promotion.oneStop.postalCode"));
            }
        }
        String code = OneStopResource.residence(errors, "residenceCode", body.residenceCode);
        String residenceName = required("residenceName", body.residenceName, errors);
        String phone = required("phone", body.phone, errors);
        String digits = ResidentQuery.phoneDigits(phone);
        if (phone != null && (digits == null || digits.length() < 6 || digits.length() > 15)) {
            errors.add(new ApiException.FieldErrorKey("phone", "promotion.param.phone"));
        }
        String email = PromotionParams.blank(body.email);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new ApiException.FieldErrorKey("email", "promotion.param.email"));
        }
        LocalDate birth = birthDate(errors, body.birthDate);
        List<OneStopApplication.Declared> declared = new ArrayList<>();
        Integer year = donations(errors, body.donations, declared);
        OneStopService.declarations(errors, body.declaresNoTaxReturn, body.declaresAtMostFive, true);
        if (!Boolean.TRUE.equals(body.consent)) {
            errors.add(new ApiException.FieldErrorKey("consent", "promotion.oneStop.consentRequired"));
        }
        if (year != null) {
            LocalDate today = OneStopService.today();
            LocalDate last = OneStopApplication.deadline(year);
            if (today.isAfter(last)) {
                errors.add(new ApiException.FieldErrorKey("donations", "promotion.oneStop.lateOnline", String.valueOf(year), last.toString(),
                        today.toString()));
            }
        }
        if (year == null && errors.isEmpty()) {
            errors.add(new ApiException.FieldErrorKey("donations", "promotion.oneStop.donationsRequired"));
        }
        PromotionParams.throwIfAny(errors);
        OneStopApplication.Applicant applicant = new OneStopApplication.Applicant(name, kana, postal, address, phone, email, birth);
        int y = year;
        return intake.accept(headers, OneStopService.SERIES, body, body.website, in -> {
            if (!in.spam()) {
                applications.receiveOnline(in.receiptNumber(), applicant, y, code, residenceName, declared);
            }
            return new Receipt(in.receiptNumber());
        });
    }

    /** The donations listed: 1 to 20, each a past or today's day and an amount, all of one calendar year (returned). */
    private static Integer donations(List<ApiException.FieldErrorKey> errors, List<ListedDonation> list, List<OneStopApplication.Declared> out) {
        if (list == null || list.isEmpty()) {
            errors.add(new ApiException.FieldErrorKey("donations", "promotion.oneStop.donationsRequired"));
            return null;
        }
        LocalDate today = OneStopService.today();
        Integer year = null;
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            String f = "donations[" + i + "]";
            ListedDonation d = list.get(i);
            if (d == null) {
                errors.add(new ApiException.FieldErrorKey(f, "promotion.param.required"));
                ok = false;
                continue;
            }
            LocalDate on = PromotionParams.date(f + ".donatedOn", d.donatedOn, errors);
            if (on == null && PromotionParams.blank(d.donatedOn) == null) {
                errors.add(new ApiException.FieldErrorKey(f + ".donatedOn", "promotion.param.required"));
            }
            if (d.amount == null) {
                errors.add(new ApiException.FieldErrorKey(f + ".amount", "promotion.param.required"));
            }
            if (on == null || d.amount == null) {
                ok = false;
                continue;
            }
            if (on.isAfter(today)) {
                errors.add(new ApiException.FieldErrorKey(f + ".donatedOn", "promotion.date.future"));
                ok = false;
            } else if (year == null) {
                year = on.getYear();
            } else if (on.getYear() != year) {
                errors.add(new ApiException.FieldErrorKey(f + ".donatedOn", "promotion.oneStop.mixedYears", String.valueOf(year)));
                ok = false;
            }
            out.add(new OneStopApplication.Declared(on, d.amount));
        }
        return ok ? year : null;
    }

    /** The date of birth (生年月日, on the form): a day in the past, not before 1900; never echoed back. */
    private static LocalDate birthDate(List<ApiException.FieldErrorKey> errors, String text) {
        String s = PromotionParams.blank(text);
        if (s == null) {
            errors.add(new ApiException.FieldErrorKey("birthDate", "promotion.param.required"));
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(s);
            if (!d.isBefore(OneStopService.today()) || d.getYear() < 1900) {
                errors.add(new ApiException.FieldErrorKey("birthDate", "promotion.oneStop.birthDate"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new ApiException.FieldErrorKey("birthDate", "promotion.oneStop.birthDate"));
            return null;
        }
    }

    private static String required(String field, String value, List<ApiException.FieldErrorKey> errors) {
        String v = PromotionParams.blank(value);
        if (v == null) {
            errors.add(new ApiException.FieldErrorKey(field, "promotion.param.required"));
        }
        return v;
    }
}
