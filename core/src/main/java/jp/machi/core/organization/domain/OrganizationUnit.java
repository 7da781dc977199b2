package jp.machi.core.organization.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.machi.core.persistence.TenantOwned;

/**
 * 組織単位: a department, division, section or office of one municipality, valid from one date
 * until another (open-ended while it exists). A reorganisation never edits a unit into another:
 * it closes the old one and opens its successor (see {@link UnitSuccession}), so records that
 * refer to the old unit keep their meaning.
 *
 * <p>Validity is inclusive at both ends: {@code validTo} is the unit's last day. The id is
 * assigned on construction rather than by the database, so that a reorganisation can link a new
 * unit to its predecessors and place children under it before anything is written.
 */
@Entity
@Table(name = "organization_unit")
@NamedQuery(name = "OrganizationUnit.all", query = "SELECT u FROM OrganizationUnit u ORDER BY u.validFrom, u.code")
@NamedQuery(name = "OrganizationUnit.validOn",
        query = "SELECT u FROM OrganizationUnit u WHERE u.validFrom <= :date AND (u.validTo IS NULL OR u.validTo >= :date) ORDER BY u.code")
@NamedQuery(name = "OrganizationUnit.byCodeOn",
        query = "SELECT u FROM OrganizationUnit u WHERE u.code = :code AND u.validFrom <= :date AND (u.validTo IS NULL OR u.validTo >= :date)")
@NamedQuery(name = "OrganizationUnit.children", query = "SELECT u FROM OrganizationUnit u WHERE u.parentId = :parentId ORDER BY u.code")
public class OrganizationUnit extends TenantOwned {

    /** Codes are short identifiers a municipality already uses in its own tables (e.g. {@code 0101}). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,20}");

    @Id
    private UUID id;

    @Column(name = "code", nullable = false, length = 20)
    private String code;

    @Column(name = "name_ja", nullable = false, length = 100)
    private String nameJa;

    @Column(name = "name_kana", length = 200)
    private String nameKana;

    @Column(name = "name_en", length = 200)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private UnitKind kind;

    @Column(name = "parent_id")
    private UUID parentId;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected OrganizationUnit() {
    }

    public OrganizationUnit(String code, String nameJa, String nameKana, String nameEn, UnitKind kind, UUID parentId,
            LocalDate validFrom) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.kind = kind;
        this.parentId = parentId;
        this.validFrom = validFrom;
        rename(nameJa, nameKana, nameEn);
    }

    /**
     * The same unit carried on under a new parent from {@code validFrom}: what a reorganisation
     * makes of a child whose own parent is closed, so that the old tree stays as it was.
     */
    public OrganizationUnit continuedUnder(UUID newParentId, LocalDate from) {
        return new OrganizationUnit(code, nameJa, nameKana, nameEn, kind, newParentId, from);
    }

    /** Whether {@code code} is usable as a unit code: 1–20 of A–Z, a–z, 0–9, '-' and '_'. */
    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** Corrects the names (a typo, an English name added); a real renaming is a reorganisation. */
    public final void rename(String nameJa, String nameKana, String nameEn) {
        this.nameJa = nameJa;
        this.nameKana = nameKana;
        this.nameEn = nameEn;
    }

    public void correct(String code, UnitKind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** Ends the unit: its last day is {@code lastDay}. */
    public void close(LocalDate lastDay) {
        if (lastDay.isBefore(validFrom)) {
            throw new IllegalArgumentException("A unit cannot end before it starts");
        }
        this.validTo = lastDay;
    }

    public void moveUnder(UUID parentId) {
        this.parentId = parentId;
    }

    public boolean isValidOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    /** Whether the unit has no end date yet. */
    public boolean isOpen() {
        return validTo == null;
    }

    /** Whether the unit is valid on some day from {@code from} to {@code to} (open-ended when null). */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return (validTo == null || !validTo.isBefore(from)) && (to == null || !validFrom.isAfter(to));
    }

    public UUID getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameJa() {
        return nameJa;
    }

    public String getNameKana() {
        return nameKana;
    }

    public String getNameEn() {
        return nameEn;
    }

    public UnitKind getKind() {
        return kind;
    }

    public UUID getParentId() {
        return parentId;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public long getVersion() {
        return version;
    }
}
