package jp.machi.collaboration.grant.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import jp.machi.collaboration.grant.domain.GrantApplication;
import jp.machi.collaboration.grant.domain.GrantCall;
import jp.machi.collaboration.grant.domain.GrantLink;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.collaboration.partner.domain.Partner;
import jp.machi.collaboration.partner.domain.PartnerState;
import jp.machi.core.api.ApiException;
import jp.machi.core.intake.Intake;
import jp.machi.core.intake.IntakeSeries;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.core.persistence.Tenancy;

/**
 * Applications from the portal by a registered organisation (ADR 0032, "from the portal"): the
 * organisation gives its registration number (or its registered name) and the contact address it
 * registered; when both match a registered partner, a one-time link to the call's application form
 * goes to that address. The answer is the same whether anything matched (no enumeration). The link's
 * token is kept only as a hash; it applies once, within {@link #LINK_LIFETIME}, and only while the
 * call's submission period is open; the application then goes the same way as a paper one (the same
 * limits), with a receipt number and the channel {@code PORTAL}.
 */
@ApplicationScoped
@Transactional
public class GrantPortal {

    /** Receipt numbers of link requests (L-R8-000001) and of portal applications (G-R8-000001). */
    public static final IntakeSeries LINK_SERIES = new IntakeSeries("collaboration.grant-links", "GL");
    public static final IntakeSeries APPLICATION_SERIES = new IntakeSeries("collaboration.grants", "G");
    public static final Duration LINK_LIFETIME = Duration.ofHours(72);
    public static final String CHANNEL = "PORTAL";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Tenancy tenancy;

    @Inject
    GrantService grants;

    @Inject
    PartnerService partners;

    @Inject
    GrantMails mails;

    /** What the link opens: the call and the organisation (its name only). */
    public record Opened(GrantLink link, GrantCall call, Partner partner) {
    }

    /**
     * A link request: when {@code organisation} (registration number or registered name) and
     * {@code email} match one registered partner, a link is mailed to its contact address. Answers
     * whether a link was sent (only for tests and logs of counts; never shown to the requester).
     */
    public boolean requestLink(Intake in, UUID callId, String organisation, String email, String portalBase) {
        GrantCall call = openCall(callId);
        if (in.spam()) {
            return false;
        }
        Optional<Partner> match = match(organisation, email);
        if (match.isEmpty()) {
            return false;
        }
        Partner p = match.get();
        String token = token();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        GrantLink link = new GrantLink(call.getId(), p.getId(), hash(token), in.receiptNumber(), now, now.plus(LINK_LIFETIME));
        tenancy.em().persist(link);
        tenancy.em().flush();
        mails.link(p.getContactEmail(), p.getName(), call, link(portalBase, tenancy.code(), token),
                LINK_LIFETIME.toHours(), in.receiptNumber(), link.getId().toString());
        return true;
    }

    /** The registered partner with this contact address whose registration number or name is {@code organisation}. */
    Optional<Partner> match(String organisation, String email) {
        String who = normalise(organisation);
        String address = ResidentQuery.email(email);
        if (who.isEmpty() || address == null) {
            return Optional.empty();
        }
        return tenancy.em().createNamedQuery("Partner.byEmail", Partner.class).setParameter("email", address)
                .getResultList().stream()
                .filter(p -> p.getState() == PartnerState.REGISTERED && !p.isSpam())
                .filter(p -> who.equals(normalise(p.getRegistrationNumber())) || who.equals(normalise(p.getName())))
                .findFirst();
    }

    /** The link's call and organisation; 404 for a token never given, 410 once it expired or applied. */
    public Opened open(String token) {
        GrantLink l = require(token);
        if (l.getApplicationId() != null) {
            throw new ApiException(410, "link-used", "collaboration.grant.linkUsed");
        }
        return new Opened(l, openCall(l.getCallId()), partners.require(l.getPartnerId()));
    }

    /** Applies with the link (once): the same checks as a paper application, then the receipt mail. */
    public GrantApplication apply(Intake in, String token, GrantApplication.Content content) {
        GrantLink l = require(token);
        tenancy.em().lock(l, LockModeType.PESSIMISTIC_WRITE);
        tenancy.em().refresh(l);
        if (l.getApplicationId() != null) {
            throw new ApiException(410, "link-used", "collaboration.grant.linkUsed");
        }
        GrantCall call = openCall(l.getCallId());
        GrantApplication.Content c = new GrantApplication.Content(l.getPartnerId(), null, content.projectTitle(),
                content.plan(), content.startYear(), content.requestedAmount(), content.lines());
        GrantApplication a = grants.apply(call, c, CHANNEL, PartnerService.today(), false, in.receiptNumber());
        l.used(a.getId());
        tenancy.em().flush();
        return a;
    }

    /** The application a used link sent, while the link has not expired (to attach its documents). */
    public GrantApplication applicationOf(String token) {
        GrantLink l = require(token);
        if (l.getApplicationId() == null) {
            throw ApiException.conflict("grant-not-applied", "collaboration.grant.linkNotApplied");
        }
        return grants.requireApplication(l.getApplicationId());
    }

    private GrantLink require(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw ApiException.notFound("collaboration.grant.linkUnknown");
        }
        GrantLink l = tenancy.em().createNamedQuery("GrantLink.byHash", GrantLink.class).setParameter("hash", hash(token))
                .getResultList().stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("collaboration.grant.linkUnknown"));
        if (l.expired(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw new ApiException(410, "link-expired", "collaboration.grant.linkExpired");
        }
        return l;
    }

    /** The call, 409 grant-call-closed outside its submission period. */
    private GrantCall openCall(UUID id) {
        GrantCall call = grants.requireCall(id);
        if (!call.open(PartnerService.today())) {
            throw ApiException.conflict("grant-call-closed", "collaboration.grant.callClosed");
        }
        return call;
    }

    /** The portal's grants page with the token: {@code https://city.example.jp/p/082201/collaboration-grants-portal?apply=…}. */
    static String link(String base, String lg, String token) {
        return base.replaceAll("/+$", "") + "/p/" + lg + "/collaboration-grants-portal?apply=" + token;
    }

    /** NFKC, without spaces, lower case: 「ＮＰＯ法人 ちがさき」 and "npo法人ちがさき" are the same name. */
    static String normalise(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

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
}
