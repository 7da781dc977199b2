package jp.machi.planning.program.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/** A core indicator measuring a program: an activity (活動指標) or an outcome (成果指標) indicator. */
@Entity
@Table(name = "planning_program_indicator")
@NamedQuery(name = "ProgramIndicator.ofProgram",
        query = "SELECT i FROM ProgramIndicator i WHERE i.programId = :programId ORDER BY i.kind, i.sortOrder")
public class ProgramIndicator extends TenantOwned {

    /** What the indicator measures of the program. */
    public enum Kind {
        /** 活動指標: what the program does. */
        ACTIVITY,
        /** 成果指標: what it achieves. */
        OUTCOME
    }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "program_id", nullable = false, updatable = false)
    private UUID programId;

    @Column(name = "indicator_id", nullable = false, updatable = false)
    private UUID indicatorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private Kind kind;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected ProgramIndicator() {
    }

    public ProgramIndicator(UUID programId, UUID indicatorId, Kind kind, int sortOrder) {
        this.programId = programId;
        this.indicatorId = indicatorId;
        this.kind = kind;
        this.sortOrder = sortOrder;
    }

    public UUID getProgramId() {
        return programId;
    }

    public UUID getIndicatorId() {
        return indicatorId;
    }

    public Kind getKind() {
        return kind;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
