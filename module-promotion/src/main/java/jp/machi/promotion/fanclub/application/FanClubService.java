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
import jp.machi.core.mail.Mailer;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.municipality.application.MunicipalityService;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.fanclub.domain.FanClubMember;
import jp.machi.promotion.fanclub.domain.FanClubNewsletter;
import jp.machi.promotion.fanclub.domain.MemberStatus;
import jp.machi.promotion.fanclub.domain.NewsletterStatus;
import jp.machi.promotion.fanclub.domain.Residence;

/** ファンクラブ: sign-up, confirmation and leaving by links in mail, the staff's list and counts, newsletters. */
@ApplicationScoped
@Transactional
public class FanClubService {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    public static final IntakeSeries SERIES = new IntakeSeries("promotion.fan-club", "F");
    /** Asking for the link to change one's details: a receipt number, a rate limit and a honeypot like sign-up. */
    public static final IntakeSeries EDIT_SERIES = new IntakeSeries("promotion.fan-club-edit", "FE");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Members sort by when they signed up or confirmed, or by prefecture (never by name: a sort would reveal what the mask hides). */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("signedUpAt", "m.signedUpAt")
            .field("confirmedOn", "m.confirmedOn")
            .field("prefecture", "m.prefectureCode")
            .byDefault("-signedUpAt");

    public static final Sort.Fields NEWSLETTER_SORT = Sort.Fields.of()
            .field("queuedAt", "n.queuedAt")
            .byDefault("-queuedAt");

    @Inject
    Tenancy tenancy;

    @Inject
    MunicipalityService municipalities;

    @Inject
    FanClubMails mails;

    @Inject
    ModuleSettings settings;

    @Inject
    Mailer mailer;

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
        Duration within = linkLifetime();
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
            m.reapply(a, r, hash(confirm), now.plus(within));
            tenancy.em().flush();
            mails.confirmation(m, links(portalBase, lg, "confirm", confirm), within);
            return Outcome.RESENT;
        }
        FanClubMember m = new FanClubMember(in.receiptNumber(), a, r, hash(confirm), now.plus(within), token(), now);
        tenancy.em().persist(m);
        tenancy.em().flush();
        mails.confirmation(m, links(portalBase, lg, "confirm", confirm), within);
        return Outcome.NEW;
    }

    /** How long a link mailed now works: the module setting {@code fanClubLinkLifetimeMinutes} (7 days unless set). */
    public Duration linkLifetime() {
        return Duration.ofMinutes(settings.integer(tenancy.code(), PromotionModule.ID, PromotionModule.FAN_CLUB_LINK_MINUTES));
    }

    /** 410 Gone: the link worked once and no longer does. */
    static ApiException expired() {
        return new ApiException(410, "link-expired", "promotion.fanClub.linkExpired");
    }

    static ApiException used() {
        return new ApiException(410, "link-used", "promotion.fanClub.linkUsed");
    }

    static boolean past(OffsetDateTime t) {
        return t != null && t.isBefore(OffsetDateTime.now(ZoneOffset.UTC));
    }

    /**
     * Confirms by the link's token: 404 for a token never given, 410 once it was used (the sign-up
     * confirmed, or the member left since) or expired.
     */
    public FanClubMember confirm(String token, String portalBase) {
        FanClubMember m = byToken("FanClubMember.byConfirmToken", token);
        if (m.getStatus() != MemberStatus.PENDING) {
            throw used();
        }
        if (past(m.getConfirmExpiresAt())) {
            throw expired();
        }
        m.confirm(today());
        tenancy.em().flush();
        mails.welcome(m, links(portalBase, tenancy.code(), "leave", m.getLeaveToken()));
        return m;
    }

    /** Leaves by the token of a link in any mail: 404 for a token never given, 410 once the member left. */
    public FanClubMember leave(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw ApiException.notFound("promotion.fanClub.linkUnknown");
        }
        FanClubMember m = tenancy.em().createNamedQuery("FanClubMember.byLeaveToken", FanClubMember.class)
                .setParameter("token", token).getResultList().stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("promotion.fanClub.linkUnknown"));
        if (m.getStatus() == MemberStatus.LEFT) {
            throw used();
        }
        m.leave(OffsetDateTime.now(ZoneOffset.UTC), today());
        tenancy.em().flush();
        return m;
    }

    /**
     * Mails a link to change one's details to {@code email} if it is a confirmed member's address;
     * otherwise nothing happens. The caller answers the same either way, so nobody learns whether
     * an address is a member. A new link replaces any earlier one.
     */
    public void requestEditLink(String email, String portalBase) {
        Optional<FanClubMember> member = tenancy.em().createNamedQuery("FanClubMember.byEmail", FanClubMember.class)
                .setParameter("email", email).getResultList().stream().filter(m -> m.getStatus() == MemberStatus.CONFIRMED)
                .findFirst();
        if (member.isEmpty()) {
            return;
        }
        FanClubMember m = member.get();
        Duration within = linkLifetime();
        String edit = token();
        m.issueEditLink(hash(edit), OffsetDateTime.now(ZoneOffset.UTC).plus(within));
        tenancy.em().flush();
        mails.editLink(m, links(portalBase, tenancy.code(), "edit", edit), links(portalBase, tenancy.code(), "leave",
                m.getLeaveToken()), within);
    }

    /** The member behind an edit link that still works: 404 unknown, 410 used (or the member left) or expired. */
    public FanClubMember editable(String token) {
        FanClubMember m = byToken("FanClubMember.byEditToken", token);
        if (m.getEditUsedAt() != null || m.getStatus() != MemberStatus.CONFIRMED) {
            throw used();
        }
        if (past(m.getEditExpiresAt())) {
            throw expired();
        }
        return m;
    }

    /**
     * The member's own changes by the edit link, which they use up. A different e-mail address is
     * not taken at once: a confirmation link goes to it, and it replaces the old one when opened.
     * Whether a confirmation link was sent.
     */
    public boolean edit(String token, FanClubMember.Changes c, String newEmail, String portalBase) {
        FanClubMember m = editable(token);
        String lg = tenancy.code();
        Residence r = c.municipalityName() == null ? null
                : Residence.of(lg, municipalities.require(lg).getNameJa(), c.prefectureCode(), c.municipalityName());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        m.edit(c, r, now);
        if (newEmail == null || newEmail.equals(m.getEmail())) {
            tenancy.em().flush();
            return false;
        }
        Duration within = linkLifetime();
        String t = token();
        m.requestEmailChange(newEmail, hash(t), now.plus(within));
        tenancy.em().flush();
        mails.newEmail(m, links(portalBase, lg, "email", t), within);
        return true;
    }

    /**
     * Confirms a new e-mail address by the link mailed to it: it replaces the old one. 404 unknown,
     * 410 used (or the member left) or expired, 409 when another member already has that address
     * (the person confirming owns it, so this tells nobody else anything).
     */
    public FanClubMember confirmEmail(String token) {
        FanClubMember m = byToken("FanClubMember.byEmailToken", token);
        if (m.getEmailUsedAt() != null || m.getStatus() != MemberStatus.CONFIRMED || m.getNewEmail() == null) {
            throw used();
        }
        if (past(m.getEmailExpiresAt())) {
            throw expired();
        }
        boolean taken = tenancy.em().createNamedQuery("FanClubMember.byEmail", FanClubMember.class)
                .setParameter("email", m.getNewEmail()).getResultList().stream()
                .anyMatch(o -> !o.getId().equals(m.getId()) && o.getStatus() != MemberStatus.LEFT);
        if (taken) {
            throw ApiException.conflict("email-taken", "promotion.fanClub.emailTaken");
        }
        m.confirmEmailChange(OffsetDateTime.now(ZoneOffset.UTC));
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
     * Queues a newsletter to the confirmed members who consented (with {@code interest}: only those
     * who chose it). Nothing is mailed here: the job {@code promotion.fan-club-newsletters} writes the
     * mails in batches ({@link #sendBatch}), so a request never does work that grows with the members.
     */
    public FanClubNewsletter queue(String subject, String body, String interest, String portalBase) {
        FanClubNewsletter n = new FanClubNewsletter(subject, body, interest, portalBase, OffsetDateTime.now(ZoneOffset.UTC));
        tenancy.em().persist(n);
        tenancy.em().flush();
        return n;
    }

    /**
     * The members a newsletter has still to reach, in id order: confirmed, consenting (with its
     * interest, if it has one), signed up before it was queued, after the last member it reached.
     */
    ListQuery<FanClubMember> stillToReach(FanClubNewsletter n) {
        return ListQuery.of(tenancy.em(), FanClubMember.class, "m")
                .where("m.status = :status", "status", MemberStatus.CONFIRMED)
                .where("m.newsletter = :nl", "nl", true)
                .where("m.signedUpAt <= :queued", "queued", n.getQueuedAt())
                .when(n.getInterest() != null, "m.interests LIKE :interest", "interest", "%|" + escapeLike(n.getInterest()) + "|%")
                .when(n.getLastMemberId() != null, "m.id > :last", "last", n.getLastMemberId());
    }

    /** Where a newsletter stands: the members it has still to reach, and its mails in the outbox by state. */
    public record Progress(long remaining, Mailer.Counts mails) {
    }

    public Progress progress(FanClubNewsletter n) {
        return new Progress(n.getStatus() == NewsletterStatus.DONE ? 0 : stillToReach(n).count(),
                mailer.countsOf(FanClubMails.reference(n)));
    }

    public FanClubNewsletter newsletter(UUID id) {
        FanClubNewsletter n = tenancy.em().find(FanClubNewsletter.class, id);
        if (n == null) {
            throw ApiException.notFound("promotion.fanClub.newsletterNotFound", id.toString());
        }
        return n;
    }

    /** The newsletters not yet done, oldest first. */
    public List<UUID> unfinished() {
        return tenancy.em().createNamedQuery("FanClubNewsletter.unfinished", UUID.class).getResultList();
    }

    /**
     * One batch of newsletter {@code id}: a mail into core's outbox for each of the next {@code max}
     * members, and the mark moved past them, in the caller's transaction (delivery starts when it
     * commits). The newsletter's version guards the batch: two nodes doing the same one cannot both
     * commit, so no member gets it twice. Done when fewer than {@code max} were left. How many mails.
     */
    public int sendBatch(UUID id, int max) {
        FanClubNewsletter n = tenancy.em().find(FanClubNewsletter.class, id);
        if (n == null || n.getStatus() == NewsletterStatus.DONE) {
            return 0;
        }
        List<FanClubMember> batch = stillToReach(n).list(0, max);
        for (FanClubMember m : batch) {
            mails.newsletter(m, n, links(n.getPortalUrl(), tenancy.code(), "leave", m.getLeaveToken()));
        }
        if (!batch.isEmpty()) {
            n.reached(batch.size(), batch.get(batch.size() - 1).getId());
        }
        if (batch.size() < max) {
            n.done(OffsetDateTime.now(ZoneOffset.UTC));
        }
        tenancy.em().flush();
        return batch.size();
    }

    /** How many newsletter mails the job writes per run in this municipality (setting {@code fanClubNewsletterBatchSize}). */
    public int batchSize() {
        return (int) settings.integer(tenancy.code(), PromotionModule.ID, PromotionModule.FAN_CLUB_NEWSLETTER_BATCH);
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
