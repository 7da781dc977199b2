package jp.machi.planning.program.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
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
import jp.machi.core.audit.application.AuditTrail;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.InvalidFiscalYearException;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.organization.domain.UnitDraft;
import jp.machi.core.organization.domain.UnitKind;
import jp.machi.core.persistence.OrderedIds;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.program.application.ProgramListFile.Column;
import jp.machi.planning.program.application.ProgramListFile.Row;
import jp.machi.planning.program.domain.AdministrativeProgram;

/**
 * Imports a program list (事務事業一覧) file: read as it streams in, every row is checked first, and
 * only when no row has an error are the programs (and, when asked, the proposed units) written, in
 * the caller's transaction. A row error refuses the whole file with a 422 listing the failing rows
 * (the first {@value BulkImports#MAX_ERRORS} errors; the detail counts every failing row).
 *
 * <p>What the database holds is read once, never per row: the program numbers of each fiscal year
 * the file names, and the units valid on each year's first day. The programs are written by batched
 * JDBC inserts on the transaction's connection (version 1, as JPA's first write gives), and their
 * creation recorded in the audit trail in batches (ADR 56).
 */
@ApplicationScoped
@Transactional
public class ProgramImportService {

    /** Written unit names split into office (…公室, …部, …局) and what follows. */
    private static final Pattern OFFICE_AND_DIVISION = Pattern.compile("^(.+?(?:公室|部|局))(.+)$");

    private static final Pattern SERIAL = Pattern.compile("[0-9]{1,9}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The longest text a column holds (事業の目的・概要・成果). */
    private static final int MAX_TEXT = 4000;

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    @Inject
    AuditTrail audit;

    /**
     * What the caller asked for; {@code preview} is how many rows (and lines of each proposed unit)
     * the report lists.
     */
    public record Options(String declaredCharset, FiscalYear fiscalYear, boolean dryRun, boolean createUnits, int preview) {
    }

    /** How a row's written unit name was matched. */
    public enum UnitMatch {
        /** Matched to an existing unit. */
        MATCHED,
        /** No unit matched; a unit is proposed (see the report's proposed units). */
        PROPOSED,
        /** No unit matched; the proposed unit was created by this import. */
        CREATED,
        /** The row names no unit. */
        NONE
    }

    /** One row's outcome. */
    public record RowResult(int line, FiscalYear fiscalYear, Integer serialNumber, String programNumber, String name,
            String unitName, UUID unitId, UnitMatch unitMatch, UUID programId) {
    }

    /**
     * A unit the import would create (or created) for a written unit name no unit matched: the
     * first lines naming it (as many as the preview) and how many do.
     */
    public record ProposedUnit(String writtenName, String nameJa, UnitKind kind, UUID parentId, String parentNameJa,
            List<Integer> lines, int lineCount, UUID createdId) {
    }

    /** The outcome of an import that had no row errors: counts, the first rows and the proposed units. */
    public record Report(FiscalYear fiscalYear, String charset, char separator, boolean dryRun, int rowCount, int imported,
            List<RowResult> rows, List<ProposedUnit> proposedUnits, long millis) {
    }

    /** A checked row: what is written, and how its unit was matched. */
    private static final class Checked {
        final int line;
        final FiscalYear fiscalYear;
        final Integer serialNumber;
        final String programNumber;
        final String name;
        final String unitName;
        final String purpose;
        final String overview;
        final String results;
        UUID unitId;
        UnitMatch unitMatch = UnitMatch.NONE;
        Proposal proposal;
        UUID programId;

        Checked(Row row, FiscalYear fiscalYear, Integer serialNumber, String programNumber) {
            this.line = row.line();
            this.fiscalYear = fiscalYear;
            this.serialNumber = serialNumber;
            this.programNumber = programNumber;
            this.name = row.get(Column.NAME);
            this.unitName = row.get(Column.UNIT_NAME);
            this.purpose = row.get(Column.PURPOSE);
            this.overview = row.get(Column.OVERVIEW);
            this.results = row.get(Column.RESULTS);
        }

        RowResult view() {
            return new RowResult(line, fiscalYear, serialNumber, programNumber, name, unitName, unitId, unitMatch, programId);
        }
    }

    /** A new unit as proposed: its name, kind and either an existing parent or a proposed one. */
    private static final class Proposal {
        final String writtenName;
        final String nameJa;
        final UnitKind kind;
        final UUID parentId;
        final String parentNameJa;
        final Proposal parentProposal;
        final List<Integer> lines = new ArrayList<>();
        int lineCount;
        UUID createdId;

        Proposal(String writtenName, String nameJa, UnitKind kind, UUID parentId, String parentNameJa,
                Proposal parentProposal) {
            this.writtenName = writtenName;
            this.nameJa = nameJa;
            this.kind = kind;
            this.parentId = parentId;
            this.parentNameJa = parentNameJa;
            this.parentProposal = parentProposal;
        }

        ProposedUnit view() {
            return new ProposedUnit(writtenName, nameJa, kind,
                    parentId != null ? parentId : parentProposal == null ? null : parentProposal.createdId,
                    parentNameJa, List.copyOf(lines), lineCount, createdId);
        }
    }

    public Report importFile(InputStream body, Options options) {
        long started = System.nanoTime();
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Set<Integer> failedLines = new HashSet<>();
        List<Checked> checked = new ArrayList<>();
        Map<Integer, Set<String>> registered = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        FiscalYear fileYear = options.fiscalYear();
        String charset;
        char separator;
        try (ProgramListFile file = ProgramListFile.open(body, options.declaredCharset(), MAX_TEXT)) {
            charset = file.charset().name();
            separator = file.separator();
            Row row;
            while ((row = file.next()) != null) {
                if (fileYear == null && file.fiscalYearText().isPresent()) {
                    fileYear = FiscalYear.parse(file.fiscalYearText().get());
                }
                int before = errors.size();
                Checked c = check(row, file.expectedFields(), fileYear, errors);
                if (c != null) {
                    String key = c.fiscalYear.startYear() + "/" + c.programNumber;
                    Integer first = seen.putIfAbsent(key, row.line());
                    String line = String.valueOf(row.line());
                    if (first != null) {
                        errors.add(error(row, "programNumber", "planning.import.duplicateInFile", line, c.programNumber,
                                String.valueOf(first)));
                    } else if (registered.computeIfAbsent(c.fiscalYear.startYear(), y -> programNumbers(c.fiscalYear))
                            .contains(c.programNumber)) {
                        errors.add(error(row, "programNumber", "planning.import.exists", line, c.programNumber,
                                String.valueOf(c.fiscalYear.startYear())));
                    }
                }
                if (errors.size() > before) {
                    failedLines.add(row.line());
                } else {
                    checked.add(c);
                }
            }
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "invalid-encoding", "planning.import.encoding");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (checked.isEmpty() && failedLines.isEmpty()) {
            throw new ApiException(422, "import-rejected", List.of(new ApiException.FieldErrorKey("file",
                    "planning.import.noRows")), "planning.import.rejected", "0");
        }
        if (!errors.isEmpty()) {
            throw new ApiException(422, "import-rejected", BulkImports.listed(errors), "planning.import.rejected",
                    String.valueOf(failedLines.size()));
        }

        // Match units; propose the missing ones.
        Map<LocalDate, Map<String, List<OrganizationUnit>>> namesByDay = new HashMap<>();
        Map<String, Proposal> proposals = new LinkedHashMap<>();
        Map<String, String> keys = new HashMap<>();
        for (Checked r : checked) {
            if (r.unitName == null) {
                continue;
            }
            Map<String, List<OrganizationUnit>> names = namesByDay.computeIfAbsent(r.fiscalYear.firstDay(), this::writtenNames);
            String key = keys.computeIfAbsent(r.unitName, ProgramImportService::key);
            List<OrganizationUnit> found = names.getOrDefault(key, List.of());
            if (found.size() == 1) {
                r.unitId = found.get(0).getId();
                r.unitMatch = UnitMatch.MATCHED;
            } else {
                Proposal p = proposals.get(key);
                if (p == null) {
                    p = propose(r.unitName, names, proposals);
                    proposals.put(key, p);
                }
                if (p.lines.size() < options.preview()) {
                    p.lines.add(r.line);
                }
                p.lineCount++;
                r.proposal = p;
                r.unitMatch = UnitMatch.PROPOSED;
            }
        }

        if (!options.dryRun()) {
            if (options.createUnits()) {
                FiscalYear earliest = checked.stream().map(r -> r.fiscalYear).min(FiscalYear::compareTo).orElse(fileYear);
                Set<String> codes = new HashSet<>();
                tenancy.em().createNamedQuery("OrganizationUnit.all", OrganizationUnit.class).getResultList()
                        .forEach(u -> codes.add(u.getCode().toUpperCase(Locale.ROOT)));
                for (Proposal p : proposals.values()) {
                    create(p, earliest.firstDay(), codes);
                }
                for (Checked r : checked) {
                    if (r.proposal != null) {
                        r.unitId = r.proposal.createdId;
                        r.unitMatch = UnitMatch.CREATED;
                    }
                }
            }
            write(checked);
        }
        return new Report(fileYear, charset, separator, options.dryRun(), checked.size(), options.dryRun() ? 0 : checked.size(),
                checked.stream().limit(options.preview()).map(Checked::view).toList(),
                proposals.values().stream().map(Proposal::view).toList(), (System.nanoTime() - started) / 1_000_000);
    }

    /** One row checked on its own (not yet against the other rows and the database), or null when it has errors. */
    private static Checked check(Row row, int expectedFields, FiscalYear fileYear, List<ApiException.FieldErrorKey> errors) {
        String line = String.valueOf(row.line());
        if (row.fieldCount() > expectedFields) {
            errors.add(error(row, "columns", "planning.import.columns", line, String.valueOf(row.fieldCount()),
                    String.valueOf(expectedFields)));
        }
        FiscalYear fy = fileYear;
        String fyText = row.get(Column.FISCAL_YEAR);
        if (fyText != null) {
            try {
                fy = FiscalYear.parse(fyText);
            } catch (InvalidFiscalYearException e) {
                errors.add(error(row, "fiscalYear", "planning.import.fiscalYear.invalid", line, fyText));
                fy = null;
            }
        } else if (fy == null) {
            errors.add(error(row, "fiscalYear", "planning.import.fiscalYear.missing", line));
        }
        Integer serial = null;
        String serialText = row.get(Column.SERIAL_NUMBER);
        if (serialText != null) {
            String s = Normalizer.normalize(serialText, Normalizer.Form.NFKC);
            if (SERIAL.matcher(s).matches() && Integer.parseInt(s) >= 1) {
                serial = Integer.valueOf(s);
            } else {
                errors.add(error(row, "serialNumber", "planning.import.serialNumber", line, serialText));
            }
        }
        String number = row.get(Column.PROGRAM_NUMBER);
        if (number == null) {
            errors.add(error(row, "programNumber", "planning.import.required.programNumber", line));
        } else {
            number = Normalizer.normalize(number, Normalizer.Form.NFKC).strip();
            tooLong(errors, row, Column.PROGRAM_NUMBER, number, 40);
        }
        String name = row.get(Column.NAME);
        if (name == null) {
            errors.add(error(row, "name", "planning.import.required.name", line));
        } else {
            tooLong(errors, row, Column.NAME, name, 300);
        }
        tooLong(errors, row, Column.UNIT_NAME, row.get(Column.UNIT_NAME), 200);
        tooLong(errors, row, Column.PURPOSE, row.get(Column.PURPOSE), MAX_TEXT);
        tooLong(errors, row, Column.OVERVIEW, row.get(Column.OVERVIEW), MAX_TEXT);
        tooLong(errors, row, Column.RESULTS, row.get(Column.RESULTS), MAX_TEXT);
        // Checked against the other rows and the database even when another column failed.
        return fy != null && number != null ? new Checked(row, fy, serial, number) : null;
    }

    /** The program numbers registered for {@code fy}: one query per fiscal year the file names. */
    private Set<String> programNumbers(FiscalYear fy) {
        return new HashSet<>(tenancy.em().createQuery("SELECT p.programNumber FROM AdministrativeProgram p"
                + " WHERE p.fiscalYear = :fy", String.class).setParameter("fy", fy).getResultList());
    }

    /** The programs by batched JDBC inserts on the transaction's connection; their creation into the audit trail. */
    private void write(List<Checked> rows) {
        String lg = tenancy.code();
        Connection c = tenancy.em().unwrap(Connection.class);
        List<AuditTrail.Created> events = new ArrayList<>(BulkImports.BATCH_SIZE);
        // Ascending ids, so that the primary key (and the audit trail's index by entity) take them in order (ADR 58).
        OrderedIds ids = new OrderedIds();
        try (BulkImports.Batch insert = new BulkImports.Batch(c, "INSERT INTO planning_program (id, municipality_code,"
                + " fiscal_year, serial_number, program_number, name, unit_id, unit_name, purpose, overview, results, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            for (Checked r : rows) {
                r.programId = ids.next();
                insert.uuid(1, r.programId);
                insert.text(2, lg);
                insert.integer(3, r.fiscalYear.startYear());
                insert.integer(4, r.serialNumber);
                insert.text(5, r.programNumber);
                insert.text(6, r.name);
                insert.uuid(7, r.unitId);
                insert.text(8, r.unitName);
                insert.text(9, r.purpose);
                insert.text(10, r.overview);
                insert.text(11, r.results);
                insert.add();
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("fiscalYear", r.fiscalYear.startYear());
                after.put("serialNumber", r.serialNumber);
                after.put("programNumber", r.programNumber);
                after.put("name", r.name);
                after.put("unitId", r.unitId == null ? null : r.unitId.toString());
                after.put("unitName", r.unitName);
                after.put("purpose", r.purpose);
                after.put("overview", r.overview);
                after.put("results", r.results);
                events.add(new AuditTrail.Created(r.programId, after));
                if (events.size() == BulkImports.BATCH_SIZE) {
                    // Recorded a batch at a time: 100,000 events' change documents at once would fill the heap.
                    audit.created(AdministrativeProgram.class, events);
                    events.clear();
                }
            }
        } catch (SQLException e) {
            if (BulkImports.isUniqueViolation(e)) {
                // Another import (or a program saved meanwhile) took one of the numbers first.
                throw ApiException.conflict("import-conflict", "planning.import.conflict");
            }
            throw new IllegalStateException("The programs could not be written", e);
        }
        audit.created(AdministrativeProgram.class, events);
    }

    /** Units valid on {@code day} by every way a document writes them: 広報戦略課, 市長公室広報戦略課, 部+課+室. */
    private Map<String, List<OrganizationUnit>> writtenNames(LocalDate day) {
        List<OrganizationUnit> units = tenancy.em().createNamedQuery("OrganizationUnit.validOn", OrganizationUnit.class)
                .setParameter("date", day).getResultList();
        Map<UUID, OrganizationUnit> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.getId(), u));
        Map<String, List<OrganizationUnit>> names = new HashMap<>();
        for (OrganizationUnit u : units) {
            Set<String> written = new HashSet<>();
            String name = u.getNameJa();
            written.add(key(name));
            OrganizationUnit parent = u.getParentId() == null ? null : byId.get(u.getParentId());
            int depth = 0;
            while (parent != null && depth++ < 5) {
                name = parent.getNameJa() + name;
                written.add(key(name));
                parent = parent.getParentId() == null ? null : byId.get(parent.getParentId());
            }
            written.forEach(w -> names.computeIfAbsent(w, k -> new ArrayList<>()).add(u));
        }
        return names;
    }

    private static String key(String writtenName) {
        return SPACES.matcher(Normalizer.normalize(writtenName, Normalizer.Form.NFKC)).replaceAll("");
    }

    /**
     * A unit for a written name no unit matched: under the existing unit whose name the written one
     * starts with (市長公室 + 広報戦略課), else under a proposed office when the name splits into one
     * (…公室 / …部 / …局 + the rest), else at the top.
     */
    private Proposal propose(String written, Map<String, List<OrganizationUnit>> names, Map<String, Proposal> proposals) {
        String w = key(written);
        for (int cut = w.length() - 1; cut > 0; cut--) {
            List<OrganizationUnit> parents = names.getOrDefault(w.substring(0, cut), List.of());
            if (parents.size() == 1) {
                String rest = w.substring(cut);
                return new Proposal(written, rest, kindOf(rest), parents.get(0).getId(), parents.get(0).getNameJa(), null);
            }
        }
        Matcher m = OFFICE_AND_DIVISION.matcher(w);
        if (m.matches()) {
            String office = m.group(1);
            Proposal parent = proposals.get(key(office));
            if (parent == null) {
                parent = new Proposal(office, office, kindOf(office), null, null, null);
                proposals.put(key(office), parent);
            }
            return new Proposal(written, m.group(2), kindOf(m.group(2)), null, office, parent);
        }
        return new Proposal(written, w, kindOf(w), null, null, null);
    }

    private static UnitKind kindOf(String name) {
        if (name.endsWith("公室")) {
            return UnitKind.OFFICE;
        }
        if (name.endsWith("部")) {
            return UnitKind.DEPARTMENT;
        }
        if (name.endsWith("局")) {
            return UnitKind.BUREAU;
        }
        if (name.endsWith("課")) {
            return UnitKind.DIVISION;
        }
        if (name.endsWith("室")) {
            return UnitKind.ROOM;
        }
        if (name.endsWith("係")) {
            return UnitKind.SECTION;
        }
        return UnitKind.OTHER;
    }

    private void create(Proposal p, LocalDate from, Set<String> codes) {
        if (p.createdId != null) {
            return;
        }
        UUID parent = p.parentId;
        LocalDate validFrom = from;
        if (p.parentProposal != null) {
            create(p.parentProposal, from, codes);
            parent = p.parentProposal.createdId;
        } else if (parent != null) {
            LocalDate parentFrom = organization.require(parent).getValidFrom();
            if (parentFrom.isAfter(validFrom)) {
                validFrom = parentFrom;
            }
        }
        int n = codes.size() + 1;
        String code;
        do {
            code = "IMP" + n++;
        } while (codes.contains(code));
        codes.add(code);
        p.createdId = organization.create(new UnitDraft(code, p.nameJa, null, null, p.kind, parent), validFrom).getId();
    }

    private static void tooLong(List<ApiException.FieldErrorKey> errors, Row row, Column c, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(error(row, field(c), "planning.import.tooLong." + field(c), String.valueOf(row.line()),
                    String.valueOf(max), String.valueOf(value.length())));
        }
    }

    private static String field(Column c) {
        String[] parts = c.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    private static ApiException.FieldErrorKey error(Row row, String field, String key, Object... args) {
        return new ApiException.FieldErrorKey("line[" + row.line() + "]." + field, key, args);
    }
}
