package jp.machi.planning.program.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.InvalidFiscalYearException;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.organization.domain.UnitDraft;
import jp.machi.core.organization.domain.UnitKind;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.program.application.ProgramListFile.Column;
import jp.machi.planning.program.application.ProgramListFile.Row;
import jp.machi.planning.program.domain.AdministrativeProgram;

/**
 * Imports a program list (事務事業一覧) file: every row is checked first, and only when no row has
 * an error are the programs (and, when asked, the proposed units) written, in the caller's
 * transaction. A row error refuses the whole file with a 422 listing every failing row.
 */
@ApplicationScoped
@Transactional
public class ProgramImportService {

    /** Written unit names split into office (…公室, …部, …局) and what follows. */
    private static final Pattern OFFICE_AND_DIVISION = Pattern.compile("^(.+?(?:公室|部|局))(.+)$");

    @Inject
    Tenancy tenancy;

    @Inject
    OrganizationService organization;

    @Inject
    ProgramService programs;

    /** What the caller asked for. */
    public record Options(String declaredCharset, FiscalYear fiscalYear, boolean dryRun, boolean createUnits) {
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

    /** A unit the import would create (or created) for a written unit name no unit matched. */
    public record ProposedUnit(String writtenName, String nameJa, UnitKind kind, UUID parentId, String parentNameJa,
            List<Integer> lines, UUID createdId) {
    }

    /** The outcome of an import that had no row errors. */
    public record Report(FiscalYear fiscalYear, String charset, char separator, boolean dryRun, int imported,
            List<RowResult> rows, List<ProposedUnit> proposedUnits) {
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
                    parentNameJa, List.copyOf(lines), createdId);
        }
    }

    public Report importFile(byte[] bytes, Options options) {
        ProgramListFile file = ProgramListFile.read(bytes, options.declaredCharset());
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        FiscalYear fileYear = options.fiscalYear();
        if (fileYear == null && file.fiscalYearText().isPresent()) {
            fileYear = FiscalYear.parse(file.fiscalYearText().get());
        }
        if (file.rows().isEmpty()) {
            throw new ApiException(422, "import-rejected", List.of(new ApiException.FieldErrorKey("file",
                    "planning.import.noRows")), "planning.import.rejected", "0");
        }

        // Check every row.
        List<RowResult> parsed = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : file.rows()) {
            String line = String.valueOf(row.line());
            int before = errors.size();
            if (row.fieldCount() > file.expectedFields()) {
                errors.add(error(row, "columns", "planning.import.columns", line, String.valueOf(row.fieldCount()),
                        String.valueOf(file.expectedFields())));
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
                if (s.matches("[0-9]{1,9}") && Integer.parseInt(s) >= 1) {
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
            String unitName = row.get(Column.UNIT_NAME);
            tooLong(errors, row, Column.UNIT_NAME, unitName, 200);
            tooLong(errors, row, Column.PURPOSE, row.get(Column.PURPOSE), 4000);
            tooLong(errors, row, Column.OVERVIEW, row.get(Column.OVERVIEW), 4000);
            tooLong(errors, row, Column.RESULTS, row.get(Column.RESULTS), 4000);
            if (fy != null && number != null) {
                String key = fy.startYear() + "/" + number;
                Integer first = seen.putIfAbsent(key, row.line());
                if (first != null) {
                    errors.add(error(row, "programNumber", "planning.import.duplicateInFile", line, number,
                            String.valueOf(first)));
                } else if (exists(fy, number)) {
                    errors.add(error(row, "programNumber", "planning.import.exists", line, number, String.valueOf(fy.startYear())));
                }
            }
            if (errors.size() == before) {
                parsed.add(new RowResult(row.line(), fy, serial, number, name, unitName, null, UnitMatch.NONE, null));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(422, "import-rejected", errors, "planning.import.rejected",
                    String.valueOf(errors.stream().map(e -> e.field().substring(0, e.field().indexOf(']'))).distinct().count()));
        }

        // Match units; propose the missing ones.
        Map<LocalDate, Map<String, List<OrganizationUnit>>> namesByDay = new HashMap<>();
        Map<String, Proposal> proposals = new LinkedHashMap<>();
        List<RowResult> matched = new ArrayList<>();
        Map<RowResult, Proposal> pending = new HashMap<>();
        for (RowResult r : parsed) {
            if (r.unitName() == null) {
                matched.add(r);
                continue;
            }
            Map<String, List<OrganizationUnit>> names = namesByDay.computeIfAbsent(r.fiscalYear().firstDay(), this::writtenNames);
            List<OrganizationUnit> found = names.getOrDefault(key(r.unitName()), List.of());
            if (found.size() == 1) {
                matched.add(with(r, found.get(0).getId(), UnitMatch.MATCHED));
            } else {
                Proposal p = proposals.get(key(r.unitName()));
                if (p == null) {
                    p = propose(r.unitName(), names, proposals);
                    proposals.put(key(r.unitName()), p);
                }
                p.lines.add(r.line());
                RowResult pr = with(r, null, UnitMatch.PROPOSED);
                pending.put(pr, p);
                matched.add(pr);
            }
        }

        if (options.dryRun()) {
            return new Report(fileYear, file.charset().name(), file.separator(), true, 0, matched,
                    proposals.values().stream().map(Proposal::view).toList());
        }
        if (options.createUnits()) {
            FiscalYear earliest = parsed.stream().map(RowResult::fiscalYear).min(FiscalYear::compareTo).orElse(fileYear);
            Set<String> codes = new HashSet<>();
            tenancy.em().createNamedQuery("OrganizationUnit.all", OrganizationUnit.class).getResultList()
                    .forEach(u -> codes.add(u.getCode().toUpperCase(Locale.ROOT)));
            for (Proposal p : proposals.values()) {
                create(p, earliest.firstDay(), codes);
            }
        }
        List<RowResult> done = new ArrayList<>();
        for (RowResult r : matched) {
            Proposal p = pending.get(r);
            RowResult w = p != null && p.createdId != null ? with(r, p.createdId, UnitMatch.CREATED) : r;
            AdministrativeProgram saved = programs.create(new AdministrativeProgram.Content(w.fiscalYear(),
                    w.serialNumber(), w.programNumber(), w.name(), w.unitId(), w.unitName(), valueOf(file, w, Column.PURPOSE),
                    valueOf(file, w, Column.OVERVIEW), valueOf(file, w, Column.RESULTS)));
            done.add(new RowResult(w.line(), w.fiscalYear(), w.serialNumber(), w.programNumber(), w.name(), w.unitName(),
                    w.unitId(), w.unitMatch(), saved.getId()));
        }
        return new Report(fileYear, file.charset().name(), file.separator(), false, done.size(), done,
                proposals.values().stream().map(Proposal::view).toList());
    }

    private static String valueOf(ProgramListFile file, RowResult r, Column c) {
        return file.rows().stream().filter(row -> row.line() == r.line()).findFirst().map(row -> row.get(c)).orElse(null);
    }

    private static RowResult with(RowResult r, UUID unitId, UnitMatch m) {
        return new RowResult(r.line(), r.fiscalYear(), r.serialNumber(), r.programNumber(), r.name(), r.unitName(), unitId,
                m, r.programId());
    }

    private boolean exists(FiscalYear fy, String number) {
        return tenancy.em().createQuery("SELECT COUNT(p) FROM AdministrativeProgram p WHERE p.fiscalYear = :fy"
                + " AND p.programNumber = :n", Long.class).setParameter("fy", fy).setParameter("n", number)
                .getSingleResult() > 0;
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
        return Normalizer.normalize(writtenName, Normalizer.Form.NFKC).replaceAll("\\s+", "");
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
