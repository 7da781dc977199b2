package jp.machi.promotion.donation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.BulkImports;
import jp.machi.core.api.CsvRecords;
import jp.machi.core.audit.application.AuditTrail;
import jp.machi.core.audit.domain.AuditValues;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.persistence.OrderedIds;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.promotion.donation.domain.Donation;
import jp.machi.promotion.donation.domain.DonationUse;
import jp.machi.promotion.donation.domain.Donor;
import jp.machi.promotion.donation.domain.ImportSite;
import jp.machi.promotion.donation.domain.ImportSite.Field;
import jp.machi.promotion.donation.domain.PaymentMethod;
import jp.machi.promotion.donation.domain.ReturnGift;

/**
 * Imports a portal site's donation export (CSV, UTF-8 or Shift_JIS) by the site's saved column
 * mapping. The file is parsed as it streams in; every row is checked, and only when no row has an
 * error is anything written (all or nothing, in the caller's transaction). What the database
 * already holds is loaded once (the site's order ids, the donors' e-mail, phone and name+postal
 * code, the donations on the file's days, the uses and gifts), never per row; donors and
 * donations are then written with batched JDBC inserts, and their creation recorded in the audit
 * trail in batches.
 *
 * <p>Duplicates: a row whose order id the site already sent (in an earlier file, or earlier in
 * this one) is skipped; a row with the same donor, day and amount as a donation already recorded
 * (by hand, or from another site) is skipped as a suspected duplicate unless the caller asks to
 * import those too.
 */
@ApplicationScoped
@Transactional
public class DonationImportService {

    static final long MAX_YEN = 9_999_999_999L;
    private static final int BATCH = 1000;

    private static final Pattern KANA = Pattern.compile("[\\p{IsKatakana}\\p{IsHiragana}ー・\\s　]+");
    private static final Pattern POSTAL = Pattern.compile("[0-9]{3}-?[0-9]{4}");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern DATE = Pattern.compile("^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T].*)?$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MY_NUMBER = Pattern.compile("(?<![0-9])[0-9]{4}[- ]?[0-9]{4}[- ]?[0-9]{4}(?![0-9])");

    @Inject
    Tenancy tenancy;

    @Inject
    AuditTrail audit;

    /** What the caller asked for. */
    public record Options(String declaredCharset, boolean dryRun, boolean importSuspected, int preview) {
    }

    /** What happens to a row. */
    public enum Status {
        /** The donation is new: imported (or would be, on a dry run). */
        NEW,
        /** The site's order id was imported before (or appears earlier in the file): skipped. */
        DUPLICATE_ORDER,
        /** Same donor, day and amount as a donation already recorded: skipped unless asked to import it. */
        SUSPECTED_DUPLICATE
    }

    /** How a row's donor was found. */
    public enum DonorMatch {
        /** An existing donor with the same e-mail, phone, or name and postal code. */
        EXISTING,
        /** A donor earlier in this file (created with it). */
        IN_FILE,
        /** A new donor. */
        NEW
    }

    /** One row's outcome, as the preview shows it (the donor's name is personal data). */
    public record RowResult(int line, Status status, String orderId, LocalDate receivedOn, long amount, String donorName,
            DonorMatch donorMatch, UUID donorId, PaymentMethod paymentMethod, String useName, String giftName,
            Integer duplicateOfLine, UUID donationId) {
    }

    /** The outcome of an import without row errors. */
    public record Report(boolean dryRun, String site, String charset, int rows, int imported, int duplicateOrders,
            int suspectedDuplicates, int donorsMatched, int donorsCreated, long amount, List<RowResult> preview,
            long millis) {
    }

    /** A parsed, checked row. */
    private static final class Row {
        int line;
        String orderId;
        LocalDate day;
        long amount;
        Donor.Person person;
        PaymentMethod payment;
        DonationUse use;
        ReturnGift gift;
        boolean publish;
        Status status = Status.NEW;
        Integer duplicateOf;
        DonorMatch match;
        UUID donorId;
        UUID donationId;
    }

    public Report importFile(ImportSite site, InputStream body, Options options) {
        long started = System.nanoTime();
        Locale l = Locale.JAPANESE;
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Set<Integer> failedLines = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        Map<String, DonationUse> uses = new HashMap<>();
        tenancy.em().createQuery("SELECT u FROM DonationUse u", DonationUse.class).getResultList()
                .forEach(u -> uses.put(key(u.getName()), u));
        Map<String, ReturnGift> gifts = new HashMap<>();
        tenancy.em().createQuery("SELECT g FROM ReturnGift g", ReturnGift.class).getResultList()
                .forEach(g -> gifts.put(key(g.getName()), g));
        Map<String, Integer> orderLines = new HashMap<>();
        Set<String> knownOrders = new HashSet<>(tenancy.em().createQuery("SELECT x.siteOrderId FROM Donation x"
                + " WHERE x.channel = :c AND x.siteOrderId IS NOT NULL", String.class).setParameter("c", site.getName())
                .getResultList());
        String charset;
        try (CsvRecords csv = CsvRecords.open(body, options.declaredCharset())) {
            charset = csv.charset().name();
            CsvRecords.Record header = csv.next(200);
            if (header == null) {
                throw rejected(List.of(new ApiException.FieldErrorKey("file", "promotion.import.noRows")), 1);
            }
            Map<Field, Integer> index = new EnumMap<>(Field.class);
            Map<String, Integer> headers = new HashMap<>();
            for (int i = 0; i < header.fields().size(); i++) {
                headers.putIfAbsent(key(header.fields().get(i)), i);
            }
            for (Map.Entry<Field, String> m : site.columns().entrySet()) {
                Integer i = headers.get(key(m.getValue()));
                if (i == null) {
                    errors.add(new ApiException.FieldErrorKey("header." + fieldName(m.getKey()), "promotion.import.header.missing",
                            m.getValue(), Messages.get(l, "promotion.import.field." + m.getKey().name())));
                } else {
                    index.put(m.getKey(), i);
                }
            }
            if (!errors.isEmpty()) {
                throw rejected(errors, 1);
            }
            CsvRecords.Record r;
            Map<Field, String> columns = site.columns();
            Map<String, java.util.Optional<PaymentMethod>> payments = new HashMap<>();
            while ((r = csv.next(400)) != null) {
                Row row = parse(r, index, site, columns, uses, gifts, payments, errors, failedLines);
                if (row == null) {
                    continue;
                }
                Integer first = orderLines.putIfAbsent(row.orderId, row.line);
                if (first != null) {
                    row.status = Status.DUPLICATE_ORDER;
                    row.duplicateOf = first;
                } else if (knownOrders.contains(row.orderId)) {
                    row.status = Status.DUPLICATE_ORDER;
                }
                rows.add(row);
            }
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "invalid-encoding", "promotion.import.encoding");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw rejected(errors, failedLines.size());
        }
        if (rows.isEmpty()) {
            throw rejected(List.of(new ApiException.FieldErrorKey("file", "promotion.import.noRows")), 0);
        }

        matchDonors(rows);
        suspectDuplicates(rows, options.importSuspected());

        int imported = 0;
        int dupOrders = 0;
        int suspected = 0;
        long amount = 0;
        Set<UUID> matchedDonors = new HashSet<>();
        Set<UUID> createdDonors = new HashSet<>();
        for (Row row : rows) {
            switch (row.status) {
                case NEW -> {
                    imported++;
                    amount += row.amount;
                    if (row.match == DonorMatch.EXISTING) {
                        matchedDonors.add(row.donorId);
                    } else {
                        createdDonors.add(row.donorId);
                    }
                }
                case DUPLICATE_ORDER -> dupOrders++;
                case SUSPECTED_DUPLICATE -> suspected++;
                default -> throw new IllegalStateException();
            }
        }
        if (!options.dryRun()) {
            write(site, rows);
        }
        List<RowResult> preview = rows.stream().limit(options.preview()).map(x -> new RowResult(x.line, x.status, x.orderId,
                x.day, x.amount, x.person.name(), x.match, x.match == DonorMatch.EXISTING || !options.dryRun() ? x.donorId : null,
                x.payment, x.use == null ? null : x.use.getName(), x.gift == null ? null : x.gift.getName(), x.duplicateOf,
                x.donationId)).toList();
        return new Report(options.dryRun(), site.getName(), charset, rows.size(), options.dryRun() ? 0 : imported, dupOrders,
                suspected, matchedDonors.size(), createdDonors.size(), amount, preview,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Would import {@code imported} rows: the count a dry run reports as new. */
    private static ApiException rejected(List<ApiException.FieldErrorKey> errors, int failedRows) {
        return new ApiException(422, "import-rejected", BulkImports.listed(errors), "promotion.import.rejected",
                String.valueOf(failedRows), String.valueOf(errors.size()));
    }

    private Row parse(CsvRecords.Record r, Map<Field, Integer> index, ImportSite site, Map<Field, String> headerOf,
            Map<String, DonationUse> uses, Map<String, ReturnGift> gifts, Map<String, java.util.Optional<PaymentMethod>> payments,
            List<ApiException.FieldErrorKey> errors, Set<Integer> failedLines) {
        int before = errors.size();
        Row row = new Row();
        row.line = r.line();
        java.util.function.Function<Field, String> get = f -> {
            Integer i = index.get(f);
            if (i == null || i >= r.fields().size()) {
                return null;
            }
            String v = r.fields().get(i);
            return v.isEmpty() ? null : v;
        };
        java.util.function.BiConsumer<Field, Object[]> error = (f, args) -> {
            Object[] all = new Object[args.length + 2];
            all[0] = String.valueOf(r.line());
            all[1] = headerOf.get(f);
            System.arraycopy(args, 0, all, 2, args.length);
            errors.add(new ApiException.FieldErrorKey("line[" + r.line() + "]." + fieldName(f),
                    "promotion.import." + fieldName(f), all));
        };
        java.util.function.BiConsumer<Field, Integer> tooLong = (f, max) -> errors.add(new ApiException.FieldErrorKey(
                "line[" + r.line() + "]." + fieldName(f), "promotion.import.tooLong", String.valueOf(r.line()), headerOf.get(f),
                String.valueOf(max)));
        java.util.function.Consumer<Field> required = f -> errors.add(new ApiException.FieldErrorKey(
                "line[" + r.line() + "]." + fieldName(f), "promotion.import.required", String.valueOf(r.line()), headerOf.get(f)));

        // My Number (個人番号) never enters Machi, whichever column it was written in.
        for (int i = 0; i < r.fields().size(); i++) {
            if (digits(r.fields().get(i)) < 12) {
                continue;
            }
            String v = Normalizer.normalize(r.fields().get(i), Normalizer.Form.NFKC);
            if (MY_NUMBER.matcher(v).find() && !isMappedTo(index, i, Field.PHONE, Field.ORDER_ID, Field.AMOUNT)) {
                errors.add(new ApiException.FieldErrorKey("line[" + r.line() + "].column[" + (i + 1) + "]",
                        "promotion.import.myNumber", String.valueOf(r.line()), String.valueOf(i + 1)));
            }
        }

        String order = get.apply(Field.ORDER_ID);
        if (order == null) {
            required.accept(Field.ORDER_ID);
        } else if ((order = Normalizer.normalize(order, Normalizer.Form.NFKC).strip()).length() > 100) {
            tooLong.accept(Field.ORDER_ID, 100);
        }
        row.orderId = order;

        String dayText = get.apply(Field.RECEIVED_ON);
        if (dayText == null) {
            required.accept(Field.RECEIVED_ON);
        } else {
            Matcher m = DATE.matcher(Normalizer.normalize(dayText, Normalizer.Form.NFKC).strip());
            LocalDate day = null;
            if (m.matches()) {
                try {
                    day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    day = null;
                }
            }
            if (day == null || day.getYear() < 2008) {
                error.accept(Field.RECEIVED_ON, new Object[] {clip(dayText)});
            } else if (day.isAfter(LocalDate.now(DonationService.JAPAN_ZONE))) {
                errors.add(new ApiException.FieldErrorKey("line[" + r.line() + "].receivedOn", "promotion.import.future",
                        String.valueOf(r.line()), headerOf.get(Field.RECEIVED_ON), day.toString()));
            }
            row.day = day;
        }

        String amountText = get.apply(Field.AMOUNT);
        if (amountText == null) {
            required.accept(Field.AMOUNT);
        } else {
            String a = Normalizer.normalize(amountText, Normalizer.Form.NFKC).replace(",", "").replace("¥", "")
                    .replace("\\", "").replace("円", "").strip();
            if (a.matches("[0-9]{1,10}") && Long.parseLong(a) >= 1 && Long.parseLong(a) <= MAX_YEN) {
                row.amount = Long.parseLong(a);
            } else {
                error.accept(Field.AMOUNT, new Object[] {clip(amountText)});
            }
        }

        String name = get.apply(Field.NAME);
        if (name == null) {
            required.accept(Field.NAME);
        } else if (name.length() > 100) {
            tooLong.accept(Field.NAME, 100);
        }
        String kana = get.apply(Field.KANA);
        if (kana != null && kana.length() > 100) {
            tooLong.accept(Field.KANA, 100);
        } else if (kana != null && !KANA.matcher(kana).matches()) {
            error.accept(Field.KANA, new Object[0]);
        }
        String postal = get.apply(Field.POSTAL_CODE);
        if (postal != null) {
            postal = Normalizer.normalize(postal, Normalizer.Form.NFKC).replace('ー', '-').replace('−', '-').replace("〒", "")
                    .strip();
            if (!POSTAL.matcher(postal).matches()) {
                error.accept(Field.POSTAL_CODE, new Object[] {clip(postal)});
            } else if (postal.length() == 7) {
                postal = postal.substring(0, 3) + "-" + postal.substring(3);
            }
        }
        String address = get.apply(Field.ADDRESS);
        if (address != null && address.length() > 300) {
            tooLong.accept(Field.ADDRESS, 300);
        }
        String phone = get.apply(Field.PHONE);
        if (phone != null && phone.length() > 40) {
            tooLong.accept(Field.PHONE, 40);
        }
        String email = get.apply(Field.EMAIL);
        if (email != null && email.length() > 254) {
            tooLong.accept(Field.EMAIL, 254);
        } else if (email != null && !EMAIL.matcher(email.strip()).matches()) {
            error.accept(Field.EMAIL, new Object[0]);
        }
        row.person = new Donor.Person(name, kana, postal, address, phone, email == null ? null : email.strip());

        String pay = get.apply(Field.PAYMENT);
        row.payment = pay == null ? site.getDefaultPaymentMethod() : payments.computeIfAbsent(pay,
                t -> java.util.Optional.ofNullable(payment(t))).orElse(null);
        if (row.payment == null) {
            error.accept(Field.PAYMENT, new Object[] {clip(pay)});
        }
        String useName = get.apply(Field.USE);
        if (useName != null) {
            row.use = uses.computeIfAbsent(useName, t -> uses.get(key(t)));
            if (row.use == null) {
                error.accept(Field.USE, new Object[] {clip(useName)});
            }
        }
        String giftName = get.apply(Field.GIFT);
        if (giftName != null) {
            row.gift = gifts.computeIfAbsent(giftName, t -> gifts.get(key(t)));
            if (row.gift == null) {
                error.accept(Field.GIFT, new Object[] {clip(giftName)});
            } else if (row.amount > 0 && row.amount < row.gift.getDonationAmount()) {
                errors.add(new ApiException.FieldErrorKey("line[" + r.line() + "].gift", "promotion.import.giftAbove",
                        String.valueOf(r.line()), headerOf.get(Field.GIFT), ReturnGiftService.yen(row.gift.getDonationAmount()),
                        ReturnGiftService.yen(row.amount)));
            }
        }
        String publish = get.apply(Field.PUBLISH_NAME);
        if (publish != null) {
            Boolean p = yesNo(publish);
            if (p == null) {
                error.accept(Field.PUBLISH_NAME, new Object[] {clip(publish)});
            } else {
                row.publish = p;
            }
        }
        if (errors.size() > before) {
            failedLines.add(r.line());
            return null;
        }
        return row;
    }

    /** Digits in {@code s} (ASCII or full-width): a field with fewer than 12 cannot hold a My Number. */
    private static int digits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= '０' && c <= '９')) {
                n++;
            }
        }
        return n;
    }

    private static boolean isMappedTo(Map<Field, Integer> index, int column, Field... fields) {
        for (Field f : fields) {
            Integer i = index.get(f);
            if (i != null && i == column) {
                return true;
            }
        }
        return false;
    }

    /** Donors found by name with e-mail, phone digits or postal code: existing ones loaded once, new ones created once per file. */
    private void matchDonors(List<Row> rows) {
        Map<String, UUID> existing = new HashMap<>();
        Set<UUID> existingIds = new HashSet<>();
        for (Object[] d : tenancy.em().createQuery("SELECT d.id, d.email, d.phoneDigits, d.name, d.postalCode FROM Donor d"
                + " WHERE d.anonymisedAt IS NULL", Object[].class).getResultList()) {
            UUID id = (UUID) d[0];
            existingIds.add(id);
            for (String k : keys((String) d[1], (String) d[2], (String) d[3], (String) d[4])) {
                existing.putIfAbsent(k, id);
            }
        }
        Map<String, UUID> inFile = new HashMap<>();
        for (Row row : rows) {
            if (row.status != Status.NEW) {
                continue;
            }
            List<String> keys = keys(ResidentQuery.email(row.person.email()), ResidentQuery.phoneDigits(row.person.phone()),
                    row.person.name(), row.person.postalCode());
            UUID id = null;
            for (String k : keys) {
                id = existing.get(k);
                if (id != null) {
                    row.match = DonorMatch.EXISTING;
                    break;
                }
            }
            if (id == null) {
                for (String k : keys) {
                    id = inFile.get(k);
                    if (id != null) {
                        // Found through an earlier row: a donor registered before (matched by another key) or one this file creates.
                        row.match = existingIds.contains(id) ? DonorMatch.EXISTING : DonorMatch.IN_FILE;
                        break;
                    }
                }
            }
            if (id == null) {
                id = UUID.randomUUID();
                row.match = DonorMatch.NEW;
            }
            for (String k : keys) {
                inFile.putIfAbsent(k, id);
            }
            row.donorId = id;
        }
    }

    /**
     * The keys a donor is known by: the name together with one contact detail (e-mail, phone digits,
     * postal code), so that two people sharing a household's e-mail or phone stay two donors.
     */
    private static List<String> keys(String email, String phoneDigits, String name, String postal) {
        List<String> keys = new ArrayList<>(3);
        if (name == null || name.isBlank()) {
            return keys;
        }
        String n = key(name);
        if (email != null && !email.isBlank()) {
            keys.add("e:" + email + "|" + n);
        }
        if (phoneDigits != null && !phoneDigits.isBlank()) {
            keys.add("p:" + phoneDigits + "|" + n);
        }
        if (postal != null && !postal.isBlank()) {
            keys.add("n:" + n + "|" + postal);
        }
        return keys;
    }

    /** Rows with the same donor, day and amount as a donation already recorded (loaded once for the file's days) or earlier in the file. */
    private void suspectDuplicates(List<Row> rows, boolean importThem) {
        LocalDate min = null;
        LocalDate max = null;
        for (Row row : rows) {
            if (row.status == Status.NEW && row.match == DonorMatch.EXISTING) {
                min = min == null || row.day.isBefore(min) ? row.day : min;
                max = max == null || row.day.isAfter(max) ? row.day : max;
            }
        }
        Set<String> recorded = new HashSet<>();
        if (min != null) {
            for (Object[] x : tenancy.em().createQuery("SELECT x.donorId, x.receivedOn, x.amount FROM Donation x"
                    + " WHERE x.receivedOn >= :min AND x.receivedOn <= :max", Object[].class).setParameter("min", min)
                    .setParameter("max", max).getResultList()) {
                recorded.add(x[0] + "|" + x[1] + "|" + x[2]);
            }
        }
        if (importThem) {
            return;
        }
        for (Row row : rows) {
            if (row.status == Status.NEW && recorded.contains(row.donorId + "|" + row.day + "|" + row.amount)) {
                row.status = Status.SUSPECTED_DUPLICATE;
            }
        }
    }

    /** Donors and donations by batched JDBC inserts on the transaction's connection; their creation into the audit trail. */
    private void write(ImportSite site, List<Row> rows) {
        String lg = tenancy.code();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Connection c = tenancy.em().unwrap(Connection.class);
        List<AuditTrail.Created> donorEvents = new ArrayList<>();
        List<AuditTrail.Created> donationEvents = new ArrayList<>();
        try (PreparedStatement donor = c.prepareStatement("INSERT INTO promotion_donor (id, municipality_code, name, name_kana,"
                + " postal_code, address, phone, phone_digits, email, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
                PreparedStatement donation = c.prepareStatement("INSERT INTO promotion_donation (id, municipality_code, donor_id,"
                        + " received_on, amount, payment_method, channel, use_id, return_gift_id, publish_name, fiscal_year,"
                        + " designation_year, site_order_id, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            int donors = 0;
            for (Row row : rows) {
                if (row.status != Status.NEW || row.match != DonorMatch.NEW) {
                    continue;
                }
                Donor.Person p = row.person;
                donor.setObject(1, row.donorId);
                donor.setString(2, lg);
                donor.setString(3, p.name());
                text(donor, 4, p.nameKana());
                text(donor, 5, p.postalCode());
                text(donor, 6, p.address());
                text(donor, 7, p.phone());
                text(donor, 8, ResidentQuery.phoneDigits(p.phone()));
                text(donor, 9, ResidentQuery.email(p.email()));
                donor.setObject(10, now);
                donor.addBatch();
                if (++donors % BATCH == 0) {
                    donor.executeBatch();
                }
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("name", AuditValues.MASKED);
                after.put("nameKana", p.nameKana() == null ? null : AuditValues.MASKED);
                after.put("postalCode", p.postalCode() == null ? null : AuditValues.MASKED);
                after.put("address", p.address() == null ? null : AuditValues.MASKED);
                after.put("phone", p.phone() == null ? null : AuditValues.MASKED);
                after.put("email", p.email() == null ? null : AuditValues.MASKED);
                after.put("createdAt", now);
                donorEvents.add(new AuditTrail.Created(row.donorId, after));
            }
            if (donors % BATCH != 0) {
                donor.executeBatch();
            }
            int n = 0;
            OrderedIds ids = new OrderedIds(); // ascending: the primary key takes them in order (ADR 58)
            for (Row row : rows) {
                if (row.status != Status.NEW) {
                    continue;
                }
                row.donationId = ids.next();
                donation.setObject(1, row.donationId);
                donation.setString(2, lg);
                donation.setObject(3, row.donorId);
                donation.setObject(4, row.day);
                donation.setLong(5, row.amount);
                donation.setString(6, row.payment.name());
                donation.setString(7, site.getName());
                if (row.use == null) {
                    donation.setNull(8, Types.OTHER);
                } else {
                    donation.setObject(8, row.use.getId());
                }
                if (row.gift == null) {
                    donation.setNull(9, Types.OTHER);
                } else {
                    donation.setObject(9, row.gift.getId());
                }
                donation.setBoolean(10, row.publish);
                int fy = FiscalYear.containing(row.day).startYear();
                int dy = Donation.designationYear(row.day);
                donation.setInt(11, fy);
                donation.setInt(12, dy);
                donation.setString(13, row.orderId);
                donation.addBatch();
                if (++n % BATCH == 0) {
                    donation.executeBatch();
                }
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("donorId", row.donorId.toString());
                after.put("receivedOn", row.day);
                after.put("amount", row.amount);
                after.put("paymentMethod", row.payment.name());
                after.put("channel", site.getName());
                after.put("useId", row.use == null ? null : row.use.getId().toString());
                after.put("returnGiftId", row.gift == null ? null : row.gift.getId().toString());
                after.put("publishName", row.publish);
                after.put("fiscalYear", fy);
                after.put("designationYear", dy);
                after.put("siteOrderId", row.orderId);
                donationEvents.add(new AuditTrail.Created(row.donationId, after));
            }
            if (n % BATCH != 0) {
                donation.executeBatch();
            }
        } catch (SQLException e) {
            if (BulkImports.isUniqueViolation(e)) {
                // Another import of the same site's file committed first.
                throw ApiException.conflict("import-conflict", "promotion.import.conflict");
            }
            throw new IllegalStateException("The donations could not be written", e);
        }
        audit.created(Donor.class, donorEvents);
        audit.created(Donation.class, donationEvents);
    }

    private static void text(PreparedStatement s, int i, String v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.VARCHAR);
        } else {
            s.setString(i, v);
        }
    }

    /** The payment method a site writes: the code, the label (ja/en), or the usual words. */
    static PaymentMethod payment(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        for (PaymentMethod p : PaymentMethod.values()) {
            if (p.name().equalsIgnoreCase(t) || Messages.get(Locale.JAPANESE, "promotion.payment." + p.name()).equals(t)
                    || Messages.get(Locale.ENGLISH, "promotion.payment." + p.name()).equalsIgnoreCase(t)) {
                return p;
            }
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.contains("クレジット") || t.contains("カード") || lower.contains("credit")) {
            return PaymentMethod.CREDIT_CARD;
        }
        if (t.contains("コンビニ")) {
            return PaymentMethod.CONVENIENCE_STORE;
        }
        if (t.contains("郵便") || t.contains("ゆうちょ")) {
            return PaymentMethod.POSTAL_TRANSFER;
        }
        if (t.contains("振込") || t.contains("振り込み") || t.contains("銀行")) {
            return PaymentMethod.BANK_TRANSFER;
        }
        if (t.contains("Pay") || t.contains("ペイ") || t.contains("電子マネー") || t.contains("キャリア") || t.contains("決済")) {
            return PaymentMethod.ELECTRONIC;
        }
        if (t.contains("現金") || t.contains("窓口")) {
            return PaymentMethod.CASH;
        }
        return null;
    }

    private static Boolean yesNo(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "1", "true", "yes", "y", "はい", "する", "希望する", "公表する", "可", "○", "◯" -> Boolean.TRUE;
            case "0", "false", "no", "n", "いいえ", "しない", "希望しない", "公表しない", "不可", "×", "-" -> Boolean.FALSE;
            default -> null;
        };
    }

    static String key(String text) {
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    static String fieldName(Field f) {
        String[] parts = f.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    /** A value quoted in a message: at most 40 characters. */
    private static String clip(String v) {
        return v == null || v.length() <= 40 ? v : v.substring(0, 40) + "…";
    }
}
