package jp.machi.core.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Problems;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.core.intake.domain.IntakeSettings;
import jp.machi.core.persistence.Tenancy;

/**
 * The one way a module accepts what residents send without an account. In a public
 * {@code @Transactional} POST endpoint, after validating the body:
 *
 * <pre>{@code
 * return intake.accept(headers, VOICES, body, body.website, in -> {
 *     CitizenVoice v = voices.receive(in, ...);          // store it, with in.receiptNumber() and in.spam()
 *     return new Receipt(v.getReceiptNumber(), ...);     // what the resident gets back (no personal data)
 * });
 * }</pre>
 *
 * In order: a malformed {@code Idempotency-Key} is 400; a key already used with the same body
 * replays the first answer (same status and body, nothing stored again), with another body 422; a
 * client over the municipality's rate limit gets 429 with {@code Retry-After} (staff are not
 * limited); the honeypot, when filled by someone not signed in, sets {@link Intake#spam()}; the
 * next receipt number of the series and fiscal year was drawn as the last step of the short
 * transaction below (an atomic UPDATE of one counter row, so numbers are unique across nodes, held
 * only while that transaction commits); then {@code store} runs. A submission that fails after its
 * number was drawn (a concurrent request with the same key: 409; an error while storing) leaves a
 * gap in the numbers, as spam does: receipt numbers identify, they do not count. The answer is 201
 * with {@code store}'s result as JSON, remembered under the key for {@link #KEY_LIFETIME}. The
 * look-ups and counts before the submission's own work run in one short transaction of their own
 * ({@link IntakeCounters#gate}) before the endpoint's transaction first uses the database, so a
 * request never holds two pooled connections at once.
 */
@ApplicationScoped
public class PublicIntake {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final Duration KEY_LIFETIME = Duration.ofHours(24);
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** The longest remembered answer: a receipt, not a document. */
    static final int MAX_ANSWER_CHARS = 4000;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:~+/=-]{1,128}");
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    Tenancy tenancy;

    @Inject
    IntakeCounters counters;

    @Inject
    HttpServletRequest servletRequest;

    /** {@link #accept(HttpHeaders, IntakeSeries, Object, String, OffsetDateTime, Function)} received now. */
    public Response accept(HttpHeaders headers, IntakeSeries series, Object submission, String honeypot,
            Function<Intake, ?> store) {
        return accept(headers, series, submission, honeypot, null, store);
    }

    /**
     * Accepts one submission (see the class). {@code submission} is the body as received (its JSON
     * identifies a retry), {@code honeypot} the value of the form's hidden field (null when absent),
     * {@code receivedAt} when it came (null: now; staff registering a letter may give another day,
     * whose fiscal year then numbers it). Call it inside the endpoint's transaction.
     */
    public Response accept(HttpHeaders headers, IntakeSeries series, Object submission, String honeypot,
            OffsetDateTime receivedAt, Function<Intake, ?> store) {
        String key = idempotencyKey(headers.getHeaderString(IDEMPOTENCY_KEY));
        String lg = tenancy.code();
        long now = Instant.now().getEpochSecond();
        String fingerprint = sha256(JSONB.toJson(submission));
        boolean staff = CallerContext.current().filter(c -> c.has(Role.STAFF)).isPresent();
        String client = staff ? null : sha256(lg + "|" + ClientAddress.of(servletRequest.getRemoteAddr(),
                servletRequest.getHeaders("X-Forwarded-For")));
        OffsetDateTime at = receivedAt == null ? OffsetDateTime.now(ZoneOffset.UTC) : receivedAt;
        FiscalYear year = FiscalYear.containing(at.atZoneSameInstant(JAPAN).toLocalDate());
        IntakeCounters.Gate gate;
        try {
            gate = counters.gate(lg, series.id(), key, year.startYear(), client, now);
        } catch (RuntimeException rowCreatedByAnotherRequest) {
            gate = counters.gate(lg, series.id(), key, year.startYear(), client, now);
        }
        if (gate.remembered() != null) {
            return replay(gate.remembered(), fingerprint);
        }
        IntakeCounters.Limits limits = gate.limits();
        if (client != null && limits.count() > 0 && gate.hits() > limits.count()) {
            long retryAfter = Math.max(1, gate.windowEnd() - now);
            Response problem = Problems.response(headers, 429, "too-many-requests", "intake.rateLimited.detail",
                    limits.count(), limits.windowSeconds(), retryAfter);
            return Response.fromResponse(problem).header("Retry-After", retryAfter).build();
        }
        boolean spam = !staff && limits.honeypot() && honeypot != null && !honeypot.isBlank();
        EntityManager em = tenancy.em();
        if (key != null) {
            remember(em, lg, series, key, fingerprint, now);
        }
        String receipt = ReceiptNumbers.format(series, year, gate.number());
        String json = JSONB.toJson(store.apply(new Intake(receipt, year, at, spam)));
        if (json.length() > MAX_ANSWER_CHARS) {
            throw new IllegalStateException("An intake answer is a receipt of at most " + MAX_ANSWER_CHARS + " chars");
        }
        if (key != null) {
            NativeSql.of(em, "UPDATE intake_idempotency SET status = ?1, answer = ?2 WHERE municipality_code = ?3"
                    + " AND series = ?4 AND idem_key = ?5").setParameter(1, 201).setParameter(2, json)
                    .setParameter(3, lg).setParameter(4, series.id()).setParameter(5, key).executeUpdate();
        }
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE).entity(json).build();
    }

    /**
     * The next receipt number of a series for something received at {@code receivedAt} (null: now)
     * that did not come through {@link #accept} (a letter staff type in, demo data, an import):
     * no idempotency, limit or honeypot. Call it inside the transaction that stores the record.
     */
    public Intake number(IntakeSeries series, OffsetDateTime receivedAt) {
        OffsetDateTime at = receivedAt == null ? OffsetDateTime.now(ZoneOffset.UTC) : receivedAt;
        FiscalYear year = FiscalYear.containing(at.atZoneSameInstant(JAPAN).toLocalDate());
        String receipt = ReceiptNumbers.format(series, year, next(tenancy.em(), tenancy.code(), series, year));
        return new Intake(receipt, year, at, false);
    }

    /** The municipality's settings row, if it has one (else the defaults apply). */
    public Optional<IntakeSettings> settings() {
        return tenancy.em().createNamedQuery("IntakeSettings.mine", IntakeSettings.class).getResultList().stream()
                .findFirst();
    }

    /** Sets the municipality's settings, creating its row the first time. */
    public IntakeSettings saveSettings(int rateLimitCount, int windowSeconds, boolean honeypot) {
        IntakeSettings s = settings().orElse(null);
        if (s == null) {
            s = new IntakeSettings(rateLimitCount, windowSeconds, honeypot);
            tenancy.em().persist(s);
        } else {
            s.set(rateLimitCount, windowSeconds, honeypot);
        }
        tenancy.em().flush();
        return s;
    }

    public static IntakeSettings defaults() {
        return new IntakeSettings(IntakeSettings.DEFAULT_RATE_LIMIT_COUNT,
                IntakeSettings.DEFAULT_RATE_LIMIT_WINDOW_SECONDS, IntakeSettings.DEFAULT_HONEYPOT_ENABLED);
    }

    /** The key without the quotes of its structured-field form; null when absent; 400 when malformed. */
    static String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        String k = header.strip();
        if (k.length() >= 2 && k.startsWith("\"") && k.endsWith("\"")) {
            k = k.substring(1, k.length() - 1);
        }
        if (!KEY.matcher(k).matches()) {
            throw new ApiException(400, "invalid-idempotency-key", "intake.idempotencyKey.malformed", 128);
        }
        return k;
    }

    private static Response replay(IntakeCounters.Remembered first, String fingerprint) {
        if (!fingerprint.equals(first.fingerprint())) {
            throw new ApiException(422, "idempotency-key-reused", "intake.idempotencyKey.reused");
        }
        return Response.status(first.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(first.answer()).build();
    }

    /** Claims the key for this transaction; a request with the same key still under way gets 409. */
    private static void remember(EntityManager em, String lg, IntakeSeries series, String key, String fingerprint,
            long now) {
        NativeSql.of(em, "DELETE FROM intake_idempotency WHERE municipality_code = ?1 AND series = ?2"
                + " AND idem_key = ?3 AND expires_at <= ?4").setParameter(1, lg).setParameter(2, series.id())
                .setParameter(3, key).setParameter(4, now).executeUpdate();
        try {
            NativeSql.of(em, "INSERT INTO intake_idempotency (municipality_code, series, idem_key, fingerprint,"
                    + " status, answer, expires_at) VALUES (?1, ?2, ?3, ?4, 0, '', ?5)").setParameter(1, lg)
                    .setParameter(2, series.id()).setParameter(3, key).setParameter(4, fingerprint)
                    .setParameter(5, now + KEY_LIFETIME.toSeconds()).executeUpdate();
        } catch (RuntimeException sameKeyAtOnce) {
            // The primary key refused it: a request with this key committed or is committing now.
            throw new ApiException(409, "idempotency-key-in-use", "intake.idempotencyKey.inUse");
        }
    }

    /** The next number of the series in the fiscal year: an atomic increment, its row locked until commit. */
    private long next(EntityManager em, String lg, IntakeSeries series, FiscalYear year) {
        if (IntakeCounters.increment(em, lg, series.id(), year.startYear()) == 0) {
            try {
                counters.ensureCounter(lg, series.id(), year.startYear());
            } catch (RuntimeException createdByAnotherNode) {
                // It exists now: count on it.
            }
            if (IntakeCounters.increment(em, lg, series.id(), year.startYear()) == 0) {
                throw new IllegalStateException("No receipt counter for " + series.id() + " " + year);
            }
        }
        return IntakeCounters.lastNumber(em, lg, series.id(), year.startYear());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
