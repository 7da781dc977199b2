package jp.machi.promotion.fanclub.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
import jp.machi.core.i18n.Languages;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataDisclosure;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.fanclub.application.FanClubService;
import jp.machi.promotion.fanclub.domain.FanClubMember;
import jp.machi.promotion.fanclub.domain.FanClubNewsletter;
import jp.machi.promotion.fanclub.domain.MemberStatus;
import jp.machi.promotion.fanclub.domain.Prefectures;
import jp.machi.promotion.fanclub.domain.Residence;
import jp.machi.promotion.interfaces.rest.PromotionParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/fan-club}: the fan club for staff. Members page,
 * sort and filter in the database (status, residence, prefecture, interest, newsletter consent),
 * CSV streamed; who they are is {@link PersonalData}: masked, in full only with
 * {@code ?reveal=personal-data} (audited). Counts by residence (市内 / 県内 / 県外 = 関係人口) grouped
 * in the database. Newsletters go by mail to the confirmed members who consented.
 */
@Path("municipalities/{lgCode}/promotion/fan-club")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class FanClubResource {

    @Inject
    FanClubService fanClub;

    @Inject
    Exports exports;

    @Inject
    PersonalDataDisclosure disclosure;

    @Inject
    ModuleSettings settings;

    @Inject
    Tenancy tenancy;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "receiptNumber", "status", "statusLabel", "name", "email", "prefecture", "prefectureLabel",
        "municipality", "address", "residence", "residenceLabel", "interests", "newsletter", "signedUpAt", "confirmedOn", "leftOn",
        "anonymisedAt"})
    public record MemberView(UUID id, String receiptNumber, String status, String statusLabel,
            @PersonalData(PersonalData.Kind.NAME) String name,
            @PersonalData(PersonalData.Kind.EMAIL) String email,
            String prefecture, String prefectureLabel,
            @PersonalData(PersonalData.Kind.ADDRESS) String municipality,
            @PersonalData(PersonalData.Kind.OTHER) String address,
            String residence, String residenceLabel, List<String> interests, boolean newsletter, OffsetDateTime signedUpAt,
            LocalDate confirmedOn, LocalDate leftOn, OffsetDateTime anonymisedAt) {
    }

    MemberView view(FanClubMember m) {
        Locale l = Problems.locale(headers);
        return new MemberView(m.getId(), m.getReceiptNumber(), m.getStatus().name(),
                Messages.get(l, "promotion.fanClub.status." + m.getStatus().name()), m.getName(), m.getEmail(),
                m.getPrefectureCode(), Prefectures.name(m.getPrefectureCode(), Languages.isEnglish(l)), m.getMunicipalityName(),
                m.getAddress(), m.getResidence().name(), Messages.get(l, "promotion.fanClub.residence." + m.getResidence().name()),
                m.getInterests(), m.isNewsletter(), m.getSignedUpAt(), m.getConfirmedOn(), m.getLeftOn(), m.getAnonymisedAt());
    }

    @GET
    @Path("members")
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List fan club members, newest sign-up first (?status=PENDING|CONFIRMED|LEFT, ?residence=IN_TOWN|"
            + "IN_PREFECTURE|ELSEWHERE, ?prefecture=01…47, ?interest=, ?newsletter=true|false; ?sort= signedUpAt, confirmedOn,"
            + " prefecture; paged in the database; personal data masked; CSV with ?format=csv or Accept: text/csv, streamed and masked)")
    @Answers(value = MemberView.class, page = true)
    public Response members(@BeanParam PageRequest paging, @QueryParam("format") String format, @QueryParam("status") String status,
            @QueryParam("residence") String residence, @QueryParam("prefecture") String prefecture,
            @QueryParam("interest") String interest, @QueryParam("newsletter") String newsletter, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        String pref = PromotionParams.blank(prefecture);
        if (pref != null && !Prefectures.known(pref)) {
            errors.add(new ApiException.FieldErrorKey("prefecture", "promotion.fanClub.prefectureUnknown", pref));
            pref = null;
        }
        String wanted = PromotionParams.blank(interest);
        if (wanted != null && wanted.length() > 100) {
            errors.add(new ApiException.FieldErrorKey("interest", "promotion.param.tooLong", 100));
        }
        FanClubService.Filter f = new FanClubService.Filter(
                PromotionParams.code(MemberStatus.class, "status", status, "promotion.fanClub.statusUnknown", errors),
                PromotionParams.code(Residence.class, "residence", residence, "promotion.fanClub.residenceUnknown", errors),
                pref, wanted, PromotionParams.bool("newsletter", newsletter, errors));
        PromotionParams.throwIfAny(errors);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<FanClubMember> found = fanClub.members(f, FanClubService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("fan-club-members.csv",
                    List.of("receiptNumber", "status", "name", "email", "prefecture", "municipality", "address", "residence",
                            "interests", "newsletter", "signedUpAt", "confirmedOn", "leftOn").stream()
                            .map(k -> Messages.get(l, "promotion.csv.fanClub." + k)).toList(),
                    exports.of(found, this::view), v -> Arrays.asList(v.receiptNumber(), v.statusLabel(), v.name(), v.email(),
                            v.prefectureLabel(), v.municipality(), v.address(), v.residenceLabel(), String.join("・", v.interests()),
                            Messages.get(l, v.newsletter() ? "promotion.csv.yes" : "promotion.csv.no"),
                            v.signedUpAt().atZoneSameInstant(FanClubService.JAPAN).toLocalDate(), v.confirmedOn(), v.leftOn()));
        }
        return Response.ok(found.page(paging).map(this::view)).build();
    }

    @JsonbPropertyOrder({"members", "inTown", "inPrefecture", "elsewhere", "pending", "prefectures"})
    public record CountsView(long members, long inTown, long inPrefecture, long elsewhere, long pending, List<PrefectureCount> prefectures) {
    }

    @JsonbPropertyOrder({"prefecture", "label", "members"})
    public record PrefectureCount(String prefecture, String label, long members) {
    }

    @GET
    @Path("members/counts")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The confirmed members by place of residence: in town (市内), elsewhere in the prefecture (県内), elsewhere"
            + " (県外, the related population 関係人口), and per prefecture; the pending sign-ups; counted in the database")
    @Answers(CountsView.class)
    public CountsView counts() {
        boolean en = Languages.isEnglish(Problems.locale(headers));
        FanClubService.Counts c = fanClub.counts();
        return new CountsView(c.members(), c.inTown(), c.inPrefecture(), c.elsewhere(), c.pending(), c.byPrefecture().entrySet()
                .stream().map(e -> new PrefectureCount(e.getKey(), Prefectures.name(e.getKey(), en), e.getValue())).toList());
    }

    @GET
    @Path("members/{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One member; ?reveal=personal-data shows the personal data in full (staff and above; recorded in the audit trail)")
    @Answers(MemberView.class)
    public MemberView member(@PathParam("id") UUID id, @QueryParam("reveal") String reveal) {
        FanClubMember m = fanClub.member(id);
        if (PersonalDataDisclosure.requested(reveal)) {
            disclosure.reveal(m, m.getId());
        }
        return view(m);
    }

    /**
     * A newsletter and how far it got: its state, the mails written to the outbox so far
     * ({@code recipients}), the members it has still to reach, and its mails by where they stand in
     * the outbox (waiting for delivery, sent, failed after the retries).
     */
    @JsonbPropertyOrder({"id", "subject", "body", "interest", "status", "statusLabel", "queuedAt", "sentAt", "recipients", "remaining",
        "waiting", "sent", "failed", "version"})
    public record NewsletterView(UUID id, String subject, String body, String interest, String status, String statusLabel,
            OffsetDateTime queuedAt, OffsetDateTime sentAt, int recipients, long remaining, long waiting, long sent, long failed,
            long version) {
    }

    NewsletterView newsletterView(FanClubNewsletter n) {
        FanClubService.Progress p = fanClub.progress(n);
        return new NewsletterView(n.getId(), n.getSubject(), n.getBody(), n.getInterest(), n.getStatus().name(),
                Messages.get(Problems.locale(headers), "promotion.fanClub.newsletterStatus." + n.getStatus().name()), n.getQueuedAt(),
                n.getSentAt(), n.getRecipients(), p.remaining(), p.mails().waiting(), p.mails().sent(), p.mails().failed(),
                n.getVersion());
    }

    /** A newsletter to send. */
    public static class NewsletterInput {
        @Size(max = 200)
        public String subject;

        @Size(max = 10000)
        public String body;

        /** Only members who chose this interest; left out: every consenting member. */
        @Size(max = 100)
        public String interest;
    }

    @GET
    @Path("newsletters")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The newsletters, newest first (paged in the database), each with its progress: state (QUEUED, SENDING,"
            + " DONE), mails written to the outbox, members still to reach, mails waiting, sent and failed")
    @Answers(value = NewsletterView.class, page = true)
    public Page<NewsletterView> newsletters(@BeanParam PageRequest paging) {
        paging.offset();
        return fanClub.newsletters(FanClubService.NEWSLETTER_SORT.parse(null)).page(paging).map(this::newsletterView);
    }

    @GET
    @Path("newsletters/{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One newsletter with its progress (ETag: its version)")
    @Answers(NewsletterView.class)
    public Response newsletter(@PathParam("id") UUID id) {
        FanClubNewsletter n = fanClub.newsletter(id);
        return Response.ok(newsletterView(n)).tag(Versions.tag(n.getVersion())).build();
    }

    @POST
    @Path("newsletters")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Queue a newsletter by e-mail to the confirmed members who consented (interest: only those who chose it);"
            + " 201 with the newsletter, QUEUED: the job promotion.fan-club-newsletters sends it in batches (setting"
            + " fanClubNewsletterBatchSize per minute) through core's outbox, each member at most once, each mail with the member's"
            + " leave link; its progress is in GET newsletters/{id}")
    @Answers(value = NewsletterView.class, status = 201)
    public Response send(@Valid NewsletterInput body) {
        Bodies.require(body);
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        String subject = PromotionParams.blank(body.subject);
        String text = PromotionParams.blank(body.body);
        String interest = PromotionParams.blank(body.interest);
        if (subject == null) {
            errors.add(new ApiException.FieldErrorKey("subject", "promotion.param.required"));
        } else if (subject.contains("\n") || subject.contains("\r")) {
            errors.add(new ApiException.FieldErrorKey("subject", "promotion.fanClub.subjectOneLine"));
        }
        if (text == null) {
            errors.add(new ApiException.FieldErrorKey("body", "promotion.param.required"));
        }
        List<String> offered = settings.list(tenancy.code(), PromotionModule.ID, PromotionModule.FAN_CLUB_INTERESTS);
        if (interest != null && !offered.contains(interest)) {
            errors.add(new ApiException.FieldErrorKey("interest", "promotion.fanClub.interestUnknown", interest, String.join("、", offered)));
        }
        PromotionParams.throwIfAny(errors);
        String base = FanClubPublicResource.portalBase(
                settings.get(tenancy.code(), PromotionModule.ID, PromotionModule.FAN_CLUB_PORTAL_URL), uri);
        if (base.length() > 300) {
            throw ApiException.badRequest("portal-url-too-long", "promotion.fanClub.portalTooLong", 300);
        }
        FanClubNewsletter n = fanClub.queue(subject, text, interest, base);
        return Response.status(Response.Status.CREATED).entity(newsletterView(n))
                .location(uri.getAbsolutePathBuilder().path(n.getId().toString()).build())
                .tag(Versions.tag(n.getVersion())).build();
    }
}
