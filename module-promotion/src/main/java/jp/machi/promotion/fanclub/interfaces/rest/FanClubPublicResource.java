package jp.machi.promotion.fanclub.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Problems;
import jp.machi.core.i18n.Languages;
import jp.machi.core.identity.Access;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.fanclub.application.FanClubService;
import jp.machi.promotion.fanclub.domain.FanClubMember;
import jp.machi.promotion.fanclub.domain.MemberStatus;
import jp.machi.promotion.fanclub.domain.Prefectures;
import jp.machi.promotion.interfaces.rest.PromotionParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/public/fan-club}: the fan club on the portal,
 * for anyone without an account. Sign-up goes through core's public intake (idempotency key, rate
 * limit, honeypot) and answers only a receipt number, the same whether the address is new, pending
 * or already a member (the mail tells the owner of the address which). Confirmation and leaving take
 * the token of the link in the mail, in the body (not the address, so it stays out of access logs).
 * A member changes their details by an edit link they ask for by e-mail address (the answer is the
 * same whether the address is a member or not); a link that expired or was used answers 410 Gone.
 */
@Path("municipalities/{lgCode}/promotion/public/fan-club")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class FanClubPublicResource {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    FanClubService fanClub;

    @Inject
    PublicIntake intake;

    @Inject
    ModuleSettings settings;

    @Inject
    Tenancy tenancy;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    /** What the sign-up form offers: the municipality's interests and the prefectures. */
    @JsonbPropertyOrder({"interests", "prefectures"})
    public record Form(List<String> interests, List<Choice> prefectures) {
    }

    @JsonbPropertyOrder({"code", "label"})
    public record Choice(String code, String label) {
    }

    /** A sign-up as sent by the portal's form. */
    public static class SignUp {
        @Size(max = 100)
        public String name;

        @Size(max = 254)
        public String email;

        @Size(max = 2)
        public String prefecture;

        @Size(max = 100)
        public String municipality;

        @Size(max = 200)
        public String address;

        @Size(max = 20)
        public List<@Size(max = 100) String> interests;

        public Boolean newsletter;

        /** The honeypot: people never see it; a bot that fills it is answered as usual and nothing is stored or mailed. */
        @Size(max = 200)
        public String website;
    }

    @JsonbPropertyOrder({"receiptNumber"})
    public record Receipt(String receiptNumber) {
    }

    /** Asking for the link to change one's details. */
    public static class EditLinkRequest {
        @Size(max = 254)
        public String email;

        /** The honeypot, as on the sign-up form. */
        @Size(max = 200)
        public String website;
    }

    /**
     * What the edit link shows: the member's choices as they stand and the interests offered; no
     * personal data (a public endpoint shows none, even to the holder of a link: a forwarded mail must
     * not show someone's address), so the form asks where they live only to change it.
     */
    @JsonbPropertyOrder({"prefecture", "interests", "newsletter", "offeredInterests"})
    public record Profile(String prefecture, List<String> interests, boolean newsletter, List<String> offeredInterests) {
    }

    /**
     * The member's changes, with the token of the edit link: interests and newsletter consent as they
     * are to be; {@code prefecture} and {@code municipality} (and {@code address}) only to move, else
     * left out; {@code email} only when it is to change.
     */
    public static class Edit {
        @Size(max = 100)
        public String token;

        @Size(max = 2)
        public String prefecture;

        @Size(max = 100)
        public String municipality;

        @Size(max = 200)
        public String address;

        @Size(max = 20)
        public List<@Size(max = 100) String> interests;

        public Boolean newsletter;

        @Size(max = 254)
        public String email;
    }

    @JsonbPropertyOrder({"status", "emailConfirmationSent"})
    public record Edited(String status, boolean emailConfirmationSent) {
    }

    /** The token of a link in a fan club mail. */
    public static class Token {
        @Size(max = 100)
        public String token;
    }

    @JsonbPropertyOrder({"status"})
    public record Done(String status) {
    }

    @GET
    @Path("form")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "What the fan club sign-up form offers: the municipality's interests (setting fanClubInterests) and the 47 prefectures")
    @Answers(Form.class)
    public Form form() {
        boolean en = Languages.isEnglish(Problems.locale(headers));
        return new Form(settings.list(tenancy.code(), PromotionModule.ID, PromotionModule.FAN_CLUB_INTERESTS),
                Prefectures.codes().stream().map(c -> new Choice(c, Prefectures.name(c, en))).toList());
    }

    @POST
    @Path("members")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Sign up for the fan club (anyone; 201 with a receipt number only; a confirmation link goes to the e-mail"
            + " address, and only a confirmed member counts). Idempotency-Key header: a retry gives the first answer; over the"
            + " municipality's rate limit 429")
    @Answers(value = Receipt.class, status = 201)
    public Response signUp(@Valid SignUp body) {
        Bodies.require(body);
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        String name = PromotionParams.blank(body.name);
        if (name == null) {
            errors.add(new ApiException.FieldErrorKey("name", "promotion.param.required"));
        }
        String email = PromotionParams.blank(body.email);
        if (email == null) {
            errors.add(new ApiException.FieldErrorKey("email", "promotion.param.required"));
        } else if (!EMAIL.matcher(email).matches()) {
            errors.add(new ApiException.FieldErrorKey("email", "promotion.param.email"));
        }
        String prefecture = PromotionParams.blank(body.prefecture);
        if (prefecture == null) {
            errors.add(new ApiException.FieldErrorKey("prefecture", "promotion.param.required"));
        } else if (!Prefectures.known(prefecture)) {
            errors.add(new ApiException.FieldErrorKey("prefecture", "promotion.fanClub.prefectureUnknown", prefecture));
        }
        String municipality = PromotionParams.blank(body.municipality);
        if (municipality == null) {
            errors.add(new ApiException.FieldErrorKey("municipality", "promotion.param.required"));
        }
        PromotionParams.throwIfAny(errors);
        Locale l = Problems.locale(headers);
        return intake.accept(headers, FanClubService.SERIES, body, body.website, in -> {
            // Inside: the intake's gate runs before this transaction first uses the database (the settings).
            List<ApiException.FieldErrorKey> wrong = new ArrayList<>();
            List<String> interests = interests(body.interests, wrong);
            PromotionParams.throwIfAny(wrong);
            FanClubMember.Application a = new FanClubMember.Application(name, ResidentQuery.email(email), prefecture,
                    municipality, PromotionParams.blank(body.address), interests, Boolean.TRUE.equals(body.newsletter),
                    Languages.isEnglish(l) ? "en" : "ja");
            if (!in.spam()) {
                fanClub.signUp(in, a, portalBase());
            }
            return new Receipt(in.receiptNumber());
        });
    }

    @POST
    @Path("confirmations")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Confirm a sign-up with the token of the link in the confirmation mail (anyone; 404 for an unknown"
            + " token, 410 once the link was used or expired)")
    @Answers(Done.class)
    public Done confirm(@Valid Token body) {
        Bodies.require(body);
        FanClubMember m = fanClub.confirm(body.token, portalBase());
        return new Done(m.getStatus().name());
    }

    @POST
    @Path("leave")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Leave the fan club with the token of the link in any fan club mail (anyone; 404 for an unknown token,"
            + " 410 once the member left)")
    @Answers(Done.class)
    public Done leave(@Valid Token body) {
        Bodies.require(body);
        FanClubMember m = fanClub.leave(body.token);
        return new Done(m.getStatus() == MemberStatus.LEFT ? "LEFT" : m.getStatus().name());
    }

    @POST
    @Path("edit-links")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Ask for the link to change one's fan club details (anyone; 201 with a receipt number only, the same whether"
            + " the address is a member or not; a confirmed member gets the link by mail, single use, expiring after the setting"
            + " fanClubLinkLifetimeMinutes). Idempotency-Key header, rate limit and honeypot as for sign-up")
    @Answers(value = Receipt.class, status = 201)
    public Response requestEditLink(@Valid EditLinkRequest body) {
        Bodies.require(body);
        String email = PromotionParams.blank(body.email);
        if (email == null) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("email", "promotion.param.required")));
        }
        if (!EMAIL.matcher(email).matches()) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("email", "promotion.param.email")));
        }
        return intake.accept(headers, FanClubService.EDIT_SERIES, body, body.website, in -> {
            if (!in.spam()) {
                fanClub.requestEditLink(ResidentQuery.email(email), portalBase());
            }
            return new Receipt(in.receiptNumber());
        });
    }

    @POST
    @Path("profile")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "The member's details as they stand, for the holder of an edit link (anyone with its token; 404 for an"
            + " unknown token, 410 once the link was used or expired)")
    @Answers(Profile.class)
    public Profile profile(@Valid Token body) {
        Bodies.require(body);
        FanClubMember m = fanClub.editable(body.token);
        return new Profile(m.getPrefectureCode(), m.getInterests(), m.isNewsletter(),
                settings.list(tenancy.code(), PromotionModule.ID, PromotionModule.FAN_CLUB_INTERESTS));
    }

    @POST
    @Path("edits")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Change one's fan club details with the token of the edit link, which it uses up (anyone with the token;"
            + " interests and newsletter consent; prefecture with municipality (and address) to move, left out to stay; a different"
            + " e-mail address takes effect only once the link mailed to it"
            + " is opened; 404 for an unknown token, 410 once the link was used or expired)")
    @Answers(Edited.class)
    public Edited edit(@Valid Edit body) {
        Bodies.require(body);
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        // Moving: prefecture and municipality together (the residence follows from both); neither: where they live stays.
        String prefecture = PromotionParams.blank(body.prefecture);
        String municipality = PromotionParams.blank(body.municipality);
        String address = PromotionParams.blank(body.address);
        if (prefecture != null && !Prefectures.known(prefecture)) {
            errors.add(new ApiException.FieldErrorKey("prefecture", "promotion.fanClub.prefectureUnknown", prefecture));
        }
        if (municipality != null && prefecture == null) {
            errors.add(new ApiException.FieldErrorKey("prefecture", "promotion.param.required"));
        }
        if (municipality == null && (prefecture != null || address != null)) {
            errors.add(new ApiException.FieldErrorKey("municipality", "promotion.param.required"));
        }
        String email = PromotionParams.blank(body.email);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new ApiException.FieldErrorKey("email", "promotion.param.email"));
        }
        if (body.newsletter == null) {
            errors.add(new ApiException.FieldErrorKey("newsletter", "promotion.param.required"));
        }
        List<String> interests = interests(body.interests, errors);
        PromotionParams.throwIfAny(errors);
        boolean mailed = fanClub.edit(body.token, new FanClubMember.Changes(prefecture, municipality, address, interests,
                body.newsletter), email == null ? null : ResidentQuery.email(email),
                portalBase());
        return new Edited("UPDATED", mailed);
    }

    @POST
    @Path("email-confirmations")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Confirm a member's new e-mail address with the token of the link mailed to it; the new address replaces"
            + " the old (anyone with the token; 404 unknown, 410 once used or expired, 409 when another member has that address)")
    @Answers(Done.class)
    public Done confirmEmail(@Valid Token body) {
        Bodies.require(body);
        fanClub.confirmEmail(body.token);
        return new Done("EMAIL_CHANGED");
    }

    /** The interests chosen, each one of the municipality's list (setting fanClubInterests), without repeats. */
    List<String> interests(List<String> given, List<ApiException.FieldErrorKey> errors) {
        List<String> offered = settings.list(tenancy.code(), PromotionModule.ID, PromotionModule.FAN_CLUB_INTERESTS);
        LinkedHashSet<String> interests = new LinkedHashSet<>();
        if (given != null) {
            for (int i = 0; i < given.size(); i++) {
                String x = PromotionParams.blank(given.get(i));
                if (x == null || !offered.contains(x)) {
                    errors.add(new ApiException.FieldErrorKey("interests[" + i + "]", "promotion.fanClub.interestUnknown",
                            x == null ? "" : x, String.join("、", offered)));
                } else {
                    interests.add(x);
                }
            }
        }
        return List.copyOf(interests);
    }

    /** The setting fanClubPortalUrl, or else the address this request came to. */
    String portalBase() {
        return portalBase(settings.get(tenancy.code(), PromotionModule.ID, PromotionModule.FAN_CLUB_PORTAL_URL), uri);
    }

    static String portalBase(String setting, UriInfo uri) {
        if (setting != null && !setting.isBlank()) {
            return setting.strip();
        }
        java.net.URI b = uri.getBaseUri();
        return b.getScheme() + "://" + b.getRawAuthority();
    }
}
