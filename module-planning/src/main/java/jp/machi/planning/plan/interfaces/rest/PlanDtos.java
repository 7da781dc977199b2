package jp.machi.planning.plan.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.planning.plan.domain.LinkRole;
import jp.machi.planning.plan.domain.NumberScheme;

/**
 * JSON shapes of the comprehensive-plan API. Inputs are classes with constrained public fields
 * (Payara's OpenAPI scanner cannot take constrained parameters); views are records. Every view
 * sent back as it was received is a valid input for the same resource.
 */
public final class PlanDtos {

    private PlanDtos() {
    }

    // ---- inputs

    /** A plan as sent on create and update (the whole plan: absent parts take their defaults). */
    public static class PlanInput {
        @NotBlank
        @Size(max = 300)
        public String name;

        @Size(max = 300)
        public String nameEn;

        @NotNull
        public FiscalYear firstFiscalYear;

        @NotNull
        public FiscalYear lastFiscalYear;

        /** The plan's own level names, top first; absent: the municipality's setting. */
        @Size(min = 1, max = 10)
        public List<@NotBlank @Size(max = 40) @Pattern(regexp = "[^\\r\\n]*") String> levelNames;

        /**
         * {@code SETTING}: follow the municipality's setting whatever {@code levelNames} says (what a
         * plan read back says when it follows it); {@code PLAN} or absent: use {@code levelNames}.
         */
        @Pattern(regexp = "PLAN|SETTING")
        public String levelNamesSource;

        @Valid
        public RollUpInput rollUp;

        /** Whether the public portal shows the plan and its progress; absent: not published. */
        public Boolean published;
    }

    /** The roll-up rule; absent parts: cap 100 %, outcome indicators only. */
    public static class RollUpInput {
        @DecimalMin("100")
        @DecimalMax("1000")
        @Digits(integer = 4, fraction = 2)
        public BigDecimal scoreCapPercent;

        @Size(min = 1, max = 2)
        public List<@NotNull LinkRole> countedRoles;
    }

    /** 市民・企業・活動団体の役割 as sent. */
    public static class ExpectedRolesInput {
        @Size(max = 2000)
        public String residents;

        @Size(max = 2000)
        public String companies;

        @Size(max = 2000)
        public String activityGroups;
    }

    /** What a node says, as sent on update (its place in the tree changes only by a move). */
    public static class NodeInput {
        @Size(max = 20)
        public String number;

        @NotBlank
        @Size(max = 300)
        public String title;

        @Size(max = 300)
        public String titleEn;

        @Size(max = 300)
        public String groupLabel;

        @DecimalMin("0")
        @DecimalMax("1000")
        @Digits(integer = 4, fraction = 4)
        public BigDecimal weight;

        @Size(max = 8000)
        public String targetVision;

        @Size(max = 8000)
        public String currentIssues;

        @Size(max = 8000)
        public String policyDirections;

        @Size(max = 8000)
        public String details;

        @Size(max = 8000)
        public String notes;

        @Size(max = 50)
        public List<@NotNull UUID> responsibleUnitIds;

        @Size(max = 200)
        public String responsibleUnitsNote;

        @Valid
        public ExpectedRolesInput expectedRoles;
    }

    /** A new node: what it says, and where it goes. */
    public static class NewNodeInput extends NodeInput {
        /** The parent node; absent: a top-level node. */
        public UUID parentId;

        /** 0-based position among the siblings; absent: last. */
        @Min(0)
        @Max(100000)
        public Integer position;
    }

    /** Where a node (with everything below it) moves. */
    public static class MoveInput {
        /** The new parent; absent or null: the top level. */
        public UUID parentId;

        @Min(0)
        @Max(100000)
        public Integer position;
    }

    /**
     * A renumbering of the plan (番号の振り直し): {@code levels[i]} says how level i is numbered (levels
     * beyond the list keep their numbers); with {@code underNodeId} only the nodes below that node.
     */
    public static class RenumberInput {
        /** Renumber only below this node; absent: the whole plan. */
        public UUID underNodeId;

        @NotNull
        @Size(min = 1, max = 10)
        public List<@NotNull @Valid LevelNumberingInput> levels;
    }

    /** How one level is numbered: KEEP, CLEAR, SEQUENCE, SIBLINGS or OUTLINE, from start (default 1). */
    public static class LevelNumberingInput {
        @NotNull
        public NumberScheme scheme;

        @Min(0)
        @Max(99999)
        public Integer start;

        /** Between the parent's number and the node's own with OUTLINE; absent: "-". */
        @Size(min = 1, max = 3)
        @Pattern(regexp = "[^\\r\\n0-9]*")
        public String separator;
    }

    /** An indicator linked to a node. */
    public static class LinkInput {
        @NotNull
        public UUID indicatorId;

        /** Absent: OUTCOME for an outcome indicator, PROCESS otherwise. */
        public LinkRole role;

        @DecimalMin("0")
        @DecimalMax("1000")
        @Digits(integer = 4, fraction = 4)
        public BigDecimal weight;

        @Min(0)
        @Max(100000)
        public Integer position;
    }

    /** A link's role and weight as revised. */
    public static class LinkRevision {
        @NotNull
        public LinkRole role;

        @DecimalMin("0")
        @DecimalMax("1000")
        @Digits(integer = 4, fraction = 4)
        public BigDecimal weight;
    }

    // ---- views

    /** A text in both languages. */
    @JsonbPropertyOrder({"ja", "en"})
    public record TextView(String ja, String en) {
        static TextView of(LocalizedText t) {
            return new TextView(t.ja(), t.en());
        }
    }

    @JsonbPropertyOrder({"scoreCapPercent", "countedRoles"})
    public record RollUpView(BigDecimal scoreCapPercent, List<String> countedRoles) {
    }

    @JsonbPropertyOrder({"id", "name", "nameEn", "firstFiscalYear", "lastFiscalYear", "levelNames", "levelNamesSource",
        "rollUp", "published", "nodeCount"})
    public record PlanView(UUID id, String name, String nameEn, FiscalYear firstFiscalYear, FiscalYear lastFiscalYear,
            List<String> levelNames, String levelNamesSource, RollUpView rollUp, boolean published, long nodeCount) {
    }

    @JsonbPropertyOrder({"id", "code", "nameJa", "nameEn"})
    public record UnitRef(UUID id, String code, String nameJa, String nameEn) {
    }

    @JsonbPropertyOrder({"residents", "companies", "activityGroups"})
    public record ExpectedRolesView(String residents, String companies, String activityGroups) {
    }

    /** A baseline or final target with its fiscal year. */
    @JsonbPropertyOrder({"value", "fiscalYear"})
    public record YearValue(BigDecimal value, FiscalYear fiscalYear) {
    }

    @JsonbPropertyOrder({"id", "nodeId", "indicatorId", "code", "nameJa", "nameEn", "kind", "role", "roleLabel", "weight",
        "position", "unit", "direction", "cumulative", "baseline", "finalTarget"})
    public record LinkView(UUID id, UUID nodeId, UUID indicatorId, String code, String nameJa, String nameEn, String kind,
            String role, String roleLabel, BigDecimal weight, int position, String unit, String direction,
            boolean cumulative, YearValue baseline, YearValue finalTarget) {
    }

    /**
     * A node. {@code children} is present in the tree view only; {@code responsibleUnitIds} is what
     * an update sends back, {@code responsibleUnits} the same units spelled out.
     */
    @JsonbPropertyOrder({"id", "planId", "parentId", "level", "levelName", "position", "number", "title", "titleEn",
        "groupLabel", "weight", "targetVision", "currentIssues", "policyDirections", "details", "notes",
        "responsibleUnitIds", "responsibleUnits", "responsibleUnitsNote", "expectedRoles", "indicators", "children"})
    public record NodeView(UUID id, UUID planId, UUID parentId, int level, String levelName, int position, String number,
            String title, String titleEn, String groupLabel, BigDecimal weight, String targetVision, String currentIssues,
            String policyDirections, String details, String notes, List<UUID> responsibleUnitIds,
            List<UnitRef> responsibleUnits, String responsibleUnitsNote, ExpectedRolesView expectedRoles,
            List<LinkView> indicators, List<NodeView> children) {
    }

    @JsonbPropertyOrder({"plan", "nodes"})
    public record TreeView(PlanView plan, List<NodeView> nodes) {
    }

    /**
     * What the portal's 計画の進捗 page shows, in one answer: the plan with its tree, the fiscal year shown
     * first (the current one within the period) and the progress of every fiscal year of the period.
     */
    @JsonbPropertyOrder({"tree", "defaultFiscalYear", "years"})
    public record OverviewView(TreeView tree, FiscalYear defaultFiscalYear, List<ProgressView> years) {
    }

    // ---- progress

    @JsonbPropertyOrder({"scoreCapPercent", "countedRoles", "text"})
    public record RuleView(BigDecimal scoreCapPercent, List<String> countedRoles, TextView text) {
    }

    /**
     * One term of a node's weighted mean: a linked indicator or a child node, the score it
     * contributes, its weight, and whether it is included — if not, {@code exclusion} says why.
     */
    @JsonbPropertyOrder({"kind", "id", "indicatorId", "label", "achievementRate", "basis", "score", "weight", "included",
        "exclusion", "explanation"})
    public record TermView(String kind, UUID id, UUID indicatorId, TextView label, BigDecimal achievementRate, String basis,
            BigDecimal score, BigDecimal weight, boolean included, String exclusion, TextView explanation) {
    }

    /** A linked indicator in the fiscal year, as core evaluates it. */
    @JsonbPropertyOrder({"linkId", "indicatorId", "code", "nameJa", "nameEn", "role", "weight", "unit", "direction",
        "target", "targetSource", "actual", "actualSource", "achievementRate", "met", "rating"})
    public record IndicatorProgressView(UUID linkId, UUID indicatorId, String code, String nameJa, String nameEn,
            String role, BigDecimal weight, String unit, String direction, BigDecimal target, String targetSource,
            BigDecimal actual, String actualSource, BigDecimal achievementRate, Boolean met, String rating) {
    }

    @JsonbPropertyOrder({"id", "parentId", "level", "levelName", "number", "title", "titleEn", "weight", "score", "rating",
        "formula", "terms", "indicators", "children"})
    public record NodeProgressView(UUID id, UUID parentId, int level, String levelName, String number, String title,
            String titleEn, BigDecimal weight, BigDecimal score, String rating, TextView formula, List<TermView> terms,
            List<IndicatorProgressView> indicators, List<NodeProgressView> children) {
    }

    @JsonbPropertyOrder({"planId", "name", "fiscalYear", "withinPeriod", "rule", "score", "rating", "formula", "terms",
        "nodes"})
    public record ProgressView(UUID planId, String name, FiscalYear fiscalYear, boolean withinPeriod, RuleView rule,
            BigDecimal score, String rating, TextView formula, List<TermView> terms, List<NodeProgressView> nodes) {
    }
}
