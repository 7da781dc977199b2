package jp.machi.promotion.fanclub.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.intake.Intake;
import jp.machi.core.intake.IntakeSeries;
import jp.machi.core.municipality.application.MunicipalityService;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.fanclub.domain.FanClubMember;
import jp.machi.promotion.fanclub.domain.FanClubNewsletter;
import jp.machi.promotion.fanclub.domain.MemberStatus;
import jp.machi.promotion.fanclub.domain.Residence;

/** ファンクラブ: sign-up, confirmation and leaving by links in mail, the staff's list and counts, newsletters. */
@ApplicationScoped
@Transactional
public class FanClubService {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    public static final IntakeSeries SERIES = new IntakeSeries("promotion.fan-club", "F");
    /** How long a confirmation link works. */
    public static final Duration CONFIRM_WITHIN = Duration.ofDays(7);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Members sort by when they signed up or confirmed, or by prefecture (never by name: a sort would reveal what the mask hides). */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("signedUpAt", "m.signedUpAt")
            .field("confirmedOn", "m.confirmedOn")
            .field("prefecture", "m.prefectureCode")
            .byDefault("-signedUpAt");

    public static final Sort.Fields NEWSLETTER_SORT = Sort.Fields.of()
            .field("sentAt", "n.sentAt")
            .byDefault("-sentAt");

    @Inject
    Tenancy tenancy;

    @Inject
    MunicipalityService municipalities;

    @Inject
    FanClubMails mails;

    /** What a list of members may be filtered by; null: not filtered. */
    public record Filter(MemberStatus status, Residence residence, String prefectureCode, String interest, Boolean newsletter) {
    }

    /** What happened to a sign-up (the resident is told the same in every case: see the resource). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "FanClubSignUpOutcome") // a name of its own in /openapi: other classes are called Outcome too
    public enum Outcome { NEW, RESENT, ALREADY_MEMBER }

    /**
     * Signs a person up: a new pending member with a confirmation link by mail; the same address
     * still pending gets its details replaced and a new link; a confirmed member gets a mail saying
     * so (with the leave link), and nothing changes. The answer never says which, so the form tells
     * nobody whether an address is a member.
     */
    public Outcome signUp(Intake in, FanClubMember.Application a, String portalBase) {
        String lg = tenancy.code();
        Residence r = Residence.of(lg, municipalities.require(lg).getNameJa(), a.prefectureCode(), a.municipalityName());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String confirm = token();
        List<FanClubMember> same = tenancy.em().createNamedQuery("FanClubMember.byEmail", FanClubMember.class)
                .setParameter("email", a.email()).getResultList().stream()
                .filter(m -> m.getStatus() != MemberStatus.LEFT).toList();
        Optional<FanClubMember> confirmed = same.stream().filter(m -> m.getStatus() == MemberStatus.CONFIRMED).findFirst();
        if (confirmed.isPresent()) {
            mails.alreadyMember(confirmed.get(), links(portalBase, lg, "leave", confirmed.get().getLeaveToken()));
            return Outcome.ALREADY_MEMBER;
        }
        if (!same.isEmpty()) {
            FanClubMember m = same.get(0);
            m.reapply(a, r, hash(confirm), now.plus(CONFIRM_WITHIN));
            tenancy.em().flush();
            mails.confirmation(m, links(portalBase, lg, "confirm", confirm));
            return Outcome.RESENT;
        }
        FanClubMember m = new FanClubMember(in.receiptNumber(), a, r, hash(confirm), now.plus(CONFIRM_WITHIN), token(), now);
        tenancy.em().persist(m);
        tenancy.em().flush();
        mails.confirmation(m, links(portalBase, lg, "confirm", confirm));
        return Outcome.NEW;
    }

    /** Confirms by the link's token: 404 for a token never given (or of a member who left), 410 when it expired. */
    public FanClubMember confirm(String token, String portalBase) {
        FanClubMember m = byToken("FanClubMember.byConfirmToken", token);
        if (m.getStatus() == MemberStatus.PENDING && m.getConfirmExpiresAt().isBefore(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw new ApiException(410, "link-expired", "promotion.fanClub.linkExpired");
        }
        if (m.getStatus() == MemberStatus.LEFT) {
            throw ApiException.notFound("promotion.fanClub.linkUnknown");
        }
        if (m.confirm(today())) {
            tenancy.em().flush();
            mails.welcome(m, links(portalBase, tenancy.code(), "leave", m.getLeaveToken()));
        }
        return m;
    }

    /** Leaves by the token of a link in any mail; leaving twice answers the same. */
    public FanClubMember leave(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw ApiException.notFound("promotion.fanClub.linkUnknown");
        }
        FanClubMember m = tenancy.em().createNamedQuery("FanClubMember.byLeaveToken", FanClubMember.class)
                .setParameter("token", token).getResultList().stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("promotion.fanClub.linkUnknown"));
        m.leave(OffsetDateTime.now(ZoneOffset.UTC), today());
        tenancy.em().flush();
        return m;
    }

    private FanClubMember byToken(String query, String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw ApiException.notFound("promotion.fanClub.linkUnknown");
        }
        return tenancy.em().createNamedQuery(query, FanClubMember.class).setParameter("hash", hash(token)).getResultList()
                .stream().filter(m -> m.getAnonymisedAt() == null).findFirst()
                .orElseThrow(() -> ApiException.notFound("promotion.fanClub.linkUnknown"));
    }

    public ListQuery<FanClubMember> members(Filter f, Sort sort) {
        return ListQuery.of(tenancy.em(), FanClubMember.class, "m")
                .when(f.status() != null, "m.status = :status", "status", f.status())
                .when(f.residence() != null, "m.residence = :residence", "residence", f.residence())
                .when(f.prefectureCode() != null, "m.prefectureCode = :pref", "pref", f.prefectureCode())
                .when(f.interest() != null, "m.interests LIKE :interest", "interest", "%|" + escapeLike(f.interest()) + "|%")
                .when(f.newsletter() != null, "m.newsletter = :nl", "nl", f.newsletter())
                .orderBy(sort);
    }

    public FanClubMember member(UUID id) {
        FanClubMember m = tenancy.em().find(FanClubMember.class, id);
        if (m == null) {
            throw ApiException.notFound("promotion.fanClub.memberNotFound", id.toString());
        }
        return m;
    }

    /** The confirmed members by residence, and the pending ones, counted in the database. */
    public record Counts(long inTown, long inPrefecture, long elsewhere, long pending, Map<String, Long> byPrefecture) {
        public long members() {
            return inTown + inPrefecture + elsewhere;
        }
    }

    public Counts counts() {
        Map<Residence, Long> by = new EnumMap<>(Residence.class);
        for (Object[] row : tenancy.em().createQuery("SELECT m.residence, COUNT(m) FROM FanClubMember m WHERE m.status = :s"
                + " GROUP BY m.residence", Object[].class).setParameter("s", MemberStatus.CONFIRMED).getResultList()) {
            by.put((Residence) row[0], ((Number) row[1]).longValue());
        }
        Map<String, Long> prefectures = new LinkedHashMap<>();
        for (Object[] row : tenancy.em().createQuery("SELECT m.prefectureCode, COUNT(m) FROM FanClubMember m WHERE m.status = :s"
                + " GROUP BY m.prefectureCode ORDER BY m.prefectureCode", Object[].class).setParameter("s", MemberStatus.CONFIRMED)
                .getResultList()) {
            prefectures.put((String) row[0], ((Number) row[1]).longValue());
        }
        long pending = tenancy.em().createQuery("SELECT COUNT(m) FROM FanClubMember m WHERE m.status = :s", Long.class)
                .setParameter("s", MemberStatus.PENDING).getSingleResult();
        return new Counts(by.getOrDefault(Residence.IN_TOWN, 0L), by.getOrDefault(Residence.IN_PREFECTURE, 0L),
                by.getOrDefault(Residence.ELSEWHERE, 0L), pending, prefectures);
    }

    /** Members on the last day of the fiscal year starting in {@code startYear} (or today, for the year under way). */
    public long membersAtEndOf(int startYear) {
        LocalDate end = LocalDate.of(startYear + 1, 3, 31);
        LocalDate t = today();
        LocalDate at = end.isAfter(t) ? t : end;
        return tenancy.em().createQuery("SELECT COUNT(m) FROM FanClubMember m WHERE m.confirmedOn IS NOT NULL"
                + " AND m.confirmedOn <= :at AND (m.leftOn IS NULL OR m.leftOn > :at)", Long.class)
                .setParameter("at", at).getSingleResult();
    }

    /** Members who confirmed in the fiscal year starting in {@code startYear}. */
    public long joinedIn(int startYear) {
        return tenancy.em().createQuery("SELECT COUNT(m) FROM FanClubMember m WHERE m.confirmedOn >= :from AND m.confirmedOn <= :to",
                Long.class).setParameter("from", LocalDate.of(startYear, 4, 1)).setParameter("to", LocalDate.of(startYear + 1, 3, 31))
                .getSingleResult();
    }

    /**
     * Sends a newsletter to the confirmed members who consented (with {@code interest}: only those
     * who chose it): one mail each into core's outbox, delivered after this transaction commits, so
     * the request never waits for the SMTP server. Read in chunks of ids so memory stays flat.
     */
    public FanClubNewsletter send(String subject, String body, String interest, String portalBase) {
        FanClubNewsletter n = new FanClubNewsletter(subject, body, interest, OffsetDateTime.now(ZoneOffset.UTC));
        tenancy.em().persist(n);
        ListQuery<FanClubMember> to = members(new Filter(MemberStatus.CONFIRMED, null, null, interest, true), SORT.parse("signedUpAt"));
        int sent = 0;
        List<FanClubMember> chunk;
        do {
            chunk = to.list(sent, 500);
            for (FanClubMember m : chunk) {
                mails.newsletter(m, n, links(portalBase, tenancy.code(), "leave", m.getLeaveToken()));
            }
            sent += chunk.size();
            tenancy.em().flush();
        } while (chunk.size() == 500);
        n.sentTo(sent);
        tenancy.em().flush();
        return n;
    }

    public ListQuery<FanClubNewsletter> newsletters(Sort sort) {
        return ListQuery.of(tenancy.em(), FanClubNewsletter.class, "n").orderBy(sort);
    }

    /** The portal's fan club page with a token, e.g. {@code https://city.example.jp/p/082201/fan-club?confirm=…}. */
    static String links(String base, String lg, String action, String token) {
        return base.replaceAll("/+$", "") + "/p/" + lg + "/fan-club?" + action + "=" + token;
    }

    public static LocalDate today() {
        return LocalDate.now(JAPAN);
    }

    /** 256 random bits, base64url without padding (43 characters). */
    static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String escapeLike(String s) {
        return s == null ? null : s.replace("%", "").replace("_", "").replace("|", "");
    }
}
